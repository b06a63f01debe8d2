package cn.luoshi.appeal.internal.web;

import cn.luoshi.org.PublicEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What anyone may call without signing in: the public intake (API and form), the follow-up by token (status and
 * rating), and Open311. Each of these answers only about the one appeal its caller filed or holds a token for.
 */
@Configuration(proxyBeanMethods = false)
class AppealPublicEndpoints {

    @Bean
    PublicEndpoint appealIntake() {
        return PublicEndpoint.of(HttpMethod.POST, "/api/v1/appeals");
    }

    @Bean
    PublicEndpoint appealTrack() {
        return PublicEndpoint.of(HttpMethod.GET, "/api/v1/appeals/track");
    }

    @Bean
    PublicEndpoint appealRatingByToken() {
        return PublicEndpoint.of(HttpMethod.POST, "/api/v1/appeals/*/rating");
    }

    @Bean
    PublicEndpoint appealPublicPages() {
        return PublicEndpoint.any("/public/appeals/**");
    }

    @Bean
    PublicEndpoint open311() {
        return PublicEndpoint.any("/open311/v2/**");
    }
}
