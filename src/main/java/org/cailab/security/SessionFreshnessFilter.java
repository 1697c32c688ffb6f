package org.cailab.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session as soon as its account changed: disabled, deleted, given another role or another
 * password (each bumps the account's row version). Runs before Spring Security on every request, so an open page
 * cannot keep voting after its worker was disabled, and a demoted researcher's next request is anonymous. One
 * indexed lookup per request of a signed-in session.
 */
class SessionFreshnessFilter extends OncePerRequestFilter {

    private final UserRepository users;

    SessionFreshnessFilter(UserRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && isStale(session)) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // invalidated by a concurrent request of the same session
            }
        }
        chain.doFilter(request, response);
    }

    private boolean isStale(HttpSession session) {
        Object stored;
        try {
            stored = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        } catch (IllegalStateException invalidated) {
            return false;
        }
        if (!(stored instanceof SecurityContext context)) {
            return false;
        }
        Authentication auth = context.getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof AccountUser user)) {
            return false;
        }
        return users.findById(user.accountId())
                .map(account -> !account.enabled() || account.version() != user.version())
                .orElse(true);
    }
}
