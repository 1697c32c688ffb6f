package org.cailab.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The JSON API ({@code /api/**}) and the OpenAI-compatible API ({@code /v1/**}) for scripts: its own filter chain in front of the application's, as the study
 * links have theirs. Either a browser session of a researcher or admin, or an API key on each request (stateless).
 * No login page: an anonymous request is answered 401, a signed-in user without the role 403.
 */
@Configuration
class ApiSecurityConfiguration {

    /** The OpenAI-compatible API ({@code org.cailab.model.OpenAiController}): same keys, same roles. */
    static final String OPENAI_API = "/v1/**";

    @Bean
    @Order(20)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiKeyService keys, UserDetailsService users)
            throws Exception {
        http.securityMatcher("/api/**", OPENAI_API)
                .addFilterAfter(new ApiKeyAuthenticationFilter(keys, users), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // the OpenAI-compatible API of the model module (/v1/models, /v1/completions, ...)
                        .requestMatchers(OPENAI_API)
                        .access(researcherWith(ApiKeyScope.OPENAI_API))
                        .requestMatchers("/api/ratings", "/api/ratings/**")
                        .access(researcherWith(ApiKeyScope.READ_RATINGS))
                        .anyRequest()
                        .access(researcherWith(ApiKeyScope.READ_DATASETS)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiKeyAuthenticationFilter::carriesKey))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        // the status itself, not sendError: an error dispatch would run through the application's
                        // chain, which knows nothing of API keys and would redirect to the login page
                        .accessDeniedHandler((request, response, denied) -> {
                            if (anonymous()) {
                                // e.g. a POST without key or session stopped by the CSRF check: not signed in is 401
                                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                                return;
                            }
                            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                            response.getWriter()
                                    .write("{\"error\":\"researchers and admins only, with a key that has "
                                            + "the scope this endpoint needs\"}");
                        }));
        return http.build();
    }

    private static boolean anonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
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
