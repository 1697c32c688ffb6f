package org.cailab.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;

import java.time.Duration;

/**
 * The response headers every page gets: a Content-Security-Policy that Vaadin can live with (its bootstrap page
 * has inline scripts and {@code executeJs} evaluates code, hence 'unsafe-inline' and 'unsafe-eval'; everything
 * else, ECharts included, comes from this server, and push uses the same origin), no framing by other sites
 * ({@code frame-ancestors 'none'} and X-Frame-Options DENY, against clickjacking of vote buttons), and HSTS for
 * a year on HTTPS requests. Behind a TLS proxy set {@code CAILAB_FORWARD_HEADERS=native} so that requests count
 * as HTTPS: then HSTS is sent and the session cookie is {@code Secure}.
 */
public final class SecurityHeaders {

    /** The policy, one place for every filter chain that serves pages. */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {
    }

    /** Applies the headers to a filter chain. */
    public static void apply(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds())
                        .includeSubDomains(true))
                .contentTypeOptions(Customizer.withDefaults()));
    }
}
