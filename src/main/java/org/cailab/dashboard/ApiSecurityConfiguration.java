package org.cailab.dashboard;

import org.cailab.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The JSON API ({@code /api/**}) for scripts: its own filter chain in front of the application's, as the study
 * links have theirs. Either a browser session of a researcher or admin, or an API key on each request (stateless).
 * No login page: an anonymous request is answered 401, a signed-in user without the role 403.
 */
@Configuration
class ApiSecurityConfiguration {

    @Bean
    @Order(20)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiKeyService keys, UserDetailsService users)
            throws Exception {
        http.securityMatcher("/api/**")
                .addFilterAfter(new ApiKeyAuthenticationFilter(keys, users), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/ratings", "/api/ratings/**").access(researcherWith(ApiKeyScope.READ_RATINGS))
                        .anyRequest().access(researcherWith(ApiKeyScope.READ_DATASETS)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiKeyAuthenticationFilter::carriesKey))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        // the status itself, not sendError: an error dispatch would run through the application's
                        // chain, which knows nothing of API keys and would redirect to the login page
                        .accessDeniedHandler((request, response, denied) -> {
                            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                            response.getWriter().write("{\"error\":\"researchers and admins only, with a key that has "
                                    + "the scope this endpoint needs\"}");
                        }));
        return http.build();
    }

    /** A researcher or admin, and, for a request with an API key, a key with {@code scope}. */
    private static AuthorizationManager<RequestAuthorizationContext> researcherWith(ApiKeyScope scope) {
        AuthorizationManager<RequestAuthorizationContext> role =
                AuthorityAuthorizationManager.hasAnyRole(Role.RESEARCHER_ROLE, Role.ADMIN_ROLE);
        return (authentication, context) -> {
            AuthorizationResult byRole = role.authorize(authentication, context);
            boolean granted = byRole != null && byRole.isGranted() && scope.grantedTo(authentication.get());
            return new AuthorizationDecision(granted);
        };
    }
}
