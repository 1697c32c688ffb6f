package org.cailab.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do. Crowdworkers compare and red-team; researchers run the pipeline and read dashboards;
 * admins also edit the constitution and manage users. An admin has every researcher right, a worker is separate.
 */
public enum Role {
    WORKER("Crowdworker"),
    RESEARCHER("Researcher"),
    ADMIN("Administrator");

    /** Spring Security role names, for {@code @PreAuthorize("hasRole(...)")} and {@code @RolesAllowed}. */
    public static final String WORKER_ROLE = "WORKER";

    public static final String RESEARCHER_ROLE = "RESEARCHER";
    public static final String ADMIN_ROLE = "ADMIN";

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The roles a user with this role holds, including the ones implied by it. */
    public Set<Role> grantedRoles() {
        return switch (this) {
            case WORKER -> EnumSet.of(WORKER);
            case RESEARCHER -> EnumSet.of(RESEARCHER);
            case ADMIN -> EnumSet.of(ADMIN, RESEARCHER);
        };
    }
}
