package org.cailab.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The response headers every response gets, whichever filter chain or servlet serves it: a Content-Security-Policy
 * that Vaadin can live with (no plugins, no foreign base URL or form target), no framing by other sites
 * ({@code frame-ancestors 'none'} and X-Frame-Options, against clickjacking of vote buttons),
 * {@code nosniff}, and HSTS for a year on HTTPS requests. Behind a TLS proxy set
 * {@code CAILAB_FORWARD_HEADERS=native} so that requests count as HTTPS: then HSTS is sent and the session cookie
 * is {@code Secure}. A servlet filter in front of Spring Security rather than Spring Security's header writers,
 * which do not reach the responses of Vaadin's chain.
 */
public final class SecurityHeaders extends OncePerRequestFilter {

    /**
     * The policy, one place for every page. Scripts and styles are not narrowed further: Vaadin needs inline scripts
     * and eval, so a script-src would add little; worker and model text is rendered as text, never HTML.
     */
    public static final String CONTENT_SECURITY_POLICY =
            String.join("; ", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'");

    private static final String HSTS = "max-age=" + Duration.ofDays(365).toSeconds() + "; includeSubDomains";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }
}
