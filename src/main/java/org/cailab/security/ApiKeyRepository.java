package org.cailab.security;

import java.util.List;
import java.util.Optional;

/** Stored API keys (only hashes). Used inside the service's transactions. */
interface ApiKeyRepository {

    ApiKey insert(
            String ownerUsername,
            String name,
            String hash,
            String prefix,
            java.util.Set<ApiKeyScope> scopes,
            java.time.@org.jspecify.annotations.Nullable OffsetDateTime expiresAt);

    /** The owner and scopes of an active key. */
    record KeyUse(String owner, java.util.Set<ApiKeyScope> scopes) {}

    /** Keys of one owner, or of everybody when {@code ownerUsername} is null; newest first. */
    List<ApiKey> find(@org.jspecify.annotations.Nullable String ownerUsername);

    Optional<ApiKey> findById(long id);

    /** Marks the key revoked; false when it was already revoked or does not exist. */
    boolean revoke(long id);

    /** Whether a key with this hash exists, revoked or not. */
    boolean exists(String hash);

    /** The user name of the oldest enabled admin, if any. */
    Optional<String> firstAdmin();

    /** The owner and scopes of the active (not revoked, not expired) key with this hash, noting the use. */
    Optional<KeyUse> useActive(String hash);
}
