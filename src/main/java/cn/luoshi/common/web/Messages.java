package cn.luoshi.common.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Resolves message codes in the user's language, and in both of Luoshi's languages for API errors. */
@Component
public class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String code, Object... args) {
        return get(LocaleContextHolder.getLocale(), code, args);
    }

    public String chinese(String code, Object... args) {
        return get(CHINESE, code, args);
    }

    public String english(String code, Object... args) {
        return get(ENGLISH, code, args);
    }

    public String get(Locale locale, String code, Object... args) {
        return source.getMessage(code, args, code, locale);
    }
}
