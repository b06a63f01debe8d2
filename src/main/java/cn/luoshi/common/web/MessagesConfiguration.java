package cn.luoshi.common.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Each module keeps its own bundle under {@code i18n/} (e.g. {@code i18n/task.properties} in English and
 * {@code i18n/task_zh_CN.properties} in Chinese); they are all found here, so modules never edit a shared file.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageSource messageSource() throws IOException {
        var resources = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        String[] basenames = Arrays.stream(resources)
                .map(r -> r.getFilename())
                .filter(Objects::nonNull)
                .map(name -> name.replaceFirst("(_[a-z]{2}(_[A-Z]{2})?)?\\.properties$", ""))
                .distinct()
                .sorted()
                .map(base -> "i18n/" + base)
                .toArray(String[]::new);
        var source = new ResourceBundleMessageSource();
        source.setBasenames(basenames);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(false);
        return source;
    }
}
