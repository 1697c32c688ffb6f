package org.cailab.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Study links ({@code /p/**}) are opened by participants who are not signed in yet: their own filter chain, in
 * front of the application's, lets them through to {@link StudyLinkController}.
 */
@Configuration
class StudyLinkSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain prolificEntryFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/p/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
