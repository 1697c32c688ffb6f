package org.cailab.security;

import java.util.List;
import java.util.Optional;

/** Persistence of users; used only inside {@link UserService}'s transactions and by the login. */
interface UserRepository {

    record StoredUser(UserAccount account, String passwordHash) {}

    Optional<StoredUser> findByUsername(String username);

    Optional<UserAccount> findById(long id);

    List<UserAccount> findAll();

    /** One page of the accounts that match, ordered by name. */
    List<UserAccount> find(UserQuery query, int offset, int limit);

    int count(UserQuery query);

    long count();

    /**
     * Counts the enabled admins, locking their rows until the transaction ends: a second change that could remove
     * an admin waits, then counts what the first one left (two concurrent demotions cannot remove the last two).
     */
    long lockEnabledAdmins();

    /** Inserts a user; returns empty when the user name is taken (case-insensitively). */
    Optional<UserAccount> insert(String username, String passwordHash, Role role, boolean mustChangePassword);

    /** Updates role and enabled flag if {@code version} is still current; false when someone changed it meanwhile. */
    boolean update(long id, int version, Role role, boolean enabled);

    /** Sets the password (bumping the version, which ends the account's other sessions). */
    void updatePasswordHash(long id, String passwordHash, boolean mustChangePassword);
}
