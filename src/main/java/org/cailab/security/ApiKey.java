package org.cailab.security;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An API key as its owner sees it after creation: never the key itself, only its first characters.
 *
 * @param prefix    the key's first characters, to tell keys apart
 * @param scopes    what the key may be used for
 * @param expiresAt when the key stops working by itself; null: never
 */
public record ApiKey(
        long id,
        String owner,
        String name,
        String prefix,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime lastUsedAt,
        @Nullable OffsetDateTime revokedAt,
        java.util.Set<ApiKeyScope> scopes,
        @Nullable OffsetDateTime expiresAt) {

    public ApiKey {
        scopes = java.util.Set.copyOf(scopes);
    }

    /** Not revoked and not expired. */
    public boolean active() {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(OffsetDateTime.now()));
    }
}
