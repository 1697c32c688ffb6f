package org.cailab.dashboard;

import java.util.List;
import java.util.Optional;

/** Stored API keys (only hashes). Used inside the service's transactions. */
interface ApiKeyRepository {

    ApiKey insert(String ownerUsername, String name, String hash, String prefix);

    /** Keys of one owner, or of everybody when {@code ownerUsername} is null; newest first. */
    List<ApiKey> find(@org.jspecify.annotations.Nullable String ownerUsername);

    Optional<ApiKey> findById(long id);

    /** Marks the key revoked; false when it was already revoked or does not exist. */
    boolean revoke(long id);

    /** Whether a key with this hash exists, revoked or not. */
    boolean exists(String hash);

    /** The user name of the oldest enabled admin, if any. */
    Optional<String> firstAdmin();

    /** The owner's user name of the active key with this hash, noting the use. */
    Optional<String> useActive(String hash);
}
