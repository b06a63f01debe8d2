package cn.luoshi.common;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LuoshiProperties.class)
class CommonConfiguration {

    /** Every "today" and "now" in Luoshi comes from this clock, so tests can move time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(LuoshiProperties properties) {
        return Clock.system(properties.zone());
    }
}
