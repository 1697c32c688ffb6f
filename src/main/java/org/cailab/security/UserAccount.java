package org.cailab.security;

import java.time.OffsetDateTime;

/** A user as the rest of the app sees it (never with the password hash). */
public record UserAccount(long id, String username, Role role, boolean enabled, OffsetDateTime createdAt, int version) {
}
