package org.cailab.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What an API key may be used for; chosen when the key is made. A request signed in by a key holds
 * {@value #KEY_AUTHORITY} and one authority per scope of the key; a browser session holds none and is not limited by
 * scopes (only by its role). Endpoints check their scope in one place each: {@link #grantedTo} in a filter chain's
 * rules, or {@link #check} in a controller.
 */
public enum ApiKeyScope {
    /** {@code GET /api/ratings}. */
    READ_RATINGS("Read ratings"),
    /** Dataset downloads such as {@code GET /api/runs/{id}/sl-dataset}. */
    READ_DATASETS("Read datasets"),
    /** The OpenAI-compatible endpoints under {@code /v1/}. */
    OPENAI_API("Use the OpenAI-compatible API");

    /** Held by every request signed in by an API key. */
    public static final String KEY_AUTHORITY = "API_KEY";

    private final String label;

    ApiKeyScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The authority a key's request holds for this scope. */
    public String authority() {
        return "SCOPE_" + name();
    }

    /** Whether this authentication may use this scope: a browser session always, a key only with the scope. */
    public boolean grantedTo(Authentication authentication) {
        boolean byKey = false;
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (authority().equals(granted.getAuthority())) {
                return true;
            }
            byKey |= KEY_AUTHORITY.equals(granted.getAuthority());
        }
        return !byKey;
    }

    /** Refuses (403) the current request when it came with a key that lacks this scope. */
    public void check() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && !grantedTo(auth)) {
            throw new AccessDeniedException("This API key may not " + label.toLowerCase(java.util.Locale.ROOT) + ".");
        }
    }
}
