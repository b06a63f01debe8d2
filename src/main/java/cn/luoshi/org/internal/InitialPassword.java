package cn.luoshi.org.internal;

import java.security.SecureRandom;

import cn.luoshi.common.LuoshiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The password given to the first admin (and to the demo users): {@code LUOSHI_ADMIN_PASSWORD}, or else one generated
 * for this start and printed once in the log. There is no built-in default password.
 */
@Component
public class InitialPassword {

    private static final Logger log = LoggerFactory.getLogger(InitialPassword.class);
    private static final String SYMBOLS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final String configured;
    private String generated;

    public InitialPassword(LuoshiProperties properties) {
        this.configured = properties.adminPassword();
    }

    public synchronized String value() {
        if (StringUtils.hasText(configured)) {
            return configured;
        }
        if (generated == null) {
            generated = generate();
            log.warn("""

                    ================================================================
                      落实 Luoshi: no LUOSHI_ADMIN_PASSWORD was set, so one was generated.
                      Sign in as 'admin' (and the demo users) with this password:

                          {}

                      It is shown only this once. Change it after signing in.
                    ================================================================""", generated);
        }
        return generated;
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        while (password.length() < 16 || password.chars().noneMatch(Character::isDigit)
                || password.chars().noneMatch(Character::isLetter)) {
            if (password.length() >= 16) {
                password.setLength(0);
            }
            password.append(SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
        }
        return password.toString();
    }
}
