package cn.luoshi.speech.internal;

import cn.luoshi.speech.SpeechExtractor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SpeechConfiguration {

    /** Stateless and thread-safe: one extractor serves every request. */
    @Bean
    SpeechExtractor speechExtractor() {
        return new SpeechExtractor();
    }
}
