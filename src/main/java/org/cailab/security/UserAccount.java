package org.cailab.security;

import java.time.OffsetDateTime;

/**
 * A user as the rest of the app sees it (never with the password hash).
 *
 * @param mustChangePassword someone else chose the password (generated first admin, admin reset): the user must
 *                           choose their own before anything else
 */
public record UserAccount(
        long id,
        String username,
        Role role,
        boolean enabled,
        OffsetDateTime createdAt,
        int version,
        boolean mustChangePassword) {}
