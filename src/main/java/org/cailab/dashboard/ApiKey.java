package org.cailab.dashboard;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

/**
 * An API key as its owner sees it after creation: never the key itself, only its first characters.
 *
 * @param prefix the key's first characters, to tell keys apart
 */
public record ApiKey(long id, String owner, String name, String prefix, OffsetDateTime createdAt,
                     @Nullable OffsetDateTime lastUsedAt, @Nullable OffsetDateTime revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
