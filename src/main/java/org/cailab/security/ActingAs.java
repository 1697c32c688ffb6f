package org.cailab.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work that a worker's request asked for but that runs later on another thread (an after-commit event listener)
 * calls role-checked services as that worker, as run workers act as the researcher who started the run (both
 * through {@link #as}). The
 * listener gets the worker's name from the event, taken with {@link #currentUsername} when it was published, so that
 * it also works when the event is resubmitted after a restart, when the worker's session is long gone.
 */
public final class ActingAs {

    private ActingAs() {}

    /** The name of the user this thread acts for; fails when nobody is signed in (a service checked the role). */
    public static String currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            throw new IllegalStateException("Nobody is signed in on this thread");
        }
        return auth.getName();
    }

    /** Runs {@code action} on this thread as the worker {@code username} (role WORKER), then signs out again. */
    public static void worker(String username, Runnable action) {
        as(username, Role.WORKER_ROLE, () -> {
            action.run();
            return null;
        });
    }

    /**
     * Runs {@code action} on this thread as {@code username} with the one role {@code role} (e.g.
     * {@link Role#RESEARCHER_ROLE} for a run's workers), then signs out again.
     */
    public static <T> T as(String username, String role, java.util.function.Supplier<T> action) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
