package org.cailab.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a request in with the API key it carries ({@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}),
 * for this request only: nothing is kept in a session. A request with a key that is unknown, revoked or belongs to
 * a disabled user is answered 401 at once, even when it also carries a session. Requests without a key pass on
 * untouched (a browser session may sign them in).
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";

    private final ApiKeyService keys;
    private final UserDetailsService users;

    ApiKeyAuthenticationFilter(ApiKeyService keys, UserDetailsService users) {
        this.keys = keys;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = presentedKey(request);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        ApiKeyRepository.KeyUse use = keys.ownerOf(secret).orElse(null);
        UserDetails owner = use == null ? null : enabledUser(use.owner()).orElse(null);
        if (owner == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"invalid or revoked API key\"}");
            return;
        }
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = holder.createEmptyContext();
        // the owner's current roles, marked as a key's request with the key's scopes (see ApiKeyScope)
        java.util.List<org.springframework.security.core.GrantedAuthority> authorities =
                new java.util.ArrayList<>(owner.getAuthorities());
        authorities.add(new SimpleGrantedAuthority(ApiKeyScope.KEY_AUTHORITY));
        use.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(owner, null, authorities));
        holder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            holder.clearContext();
        }
    }

    /** Whether the request carries an API key (then it needs no CSRF token: a browser never adds one by itself). */
    static boolean carriesKey(HttpServletRequest request) {
        return presentedKey(request) != null;
    }

    private static @Nullable String presentedKey(HttpServletRequest request) {
        String header = request.getHeader(API_KEY_HEADER);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    private java.util.Optional<UserDetails> enabledUser(String username) {
        try {
            UserDetails user = users.loadUserByUsername(username);
            return user.isEnabled() && user.isAccountNonLocked()
                    ? java.util.Optional.of(user)
                    : java.util.Optional.empty();
        } catch (UsernameNotFoundException e) {
            return java.util.Optional.empty();
        }
    }
}
