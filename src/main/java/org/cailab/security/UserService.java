package org.cailab.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages accounts. The transaction and role boundary for everything about users: admins create users and set
 * roles; every signed-in user may read their own account and change their own password.
 */
@Service
@Transactional
public class UserService {

    /** User names of accounts that study links create start with this; the Users page lists them apart. */
    public static final String PARTICIPANT_PREFIX = "prolific-";

    /** Bcrypt ignores everything after 72 bytes, so longer passwords would only look stronger. */
    static final int MAX_PASSWORD_BYTES = 72;

    static final int MIN_PASSWORD_LENGTH = 8;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;

    UserService(UserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    /** One page of the accounts that match the query, ordered by name. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<UserAccount> find(UserQuery query, int offset, int limit) {
        return users.find(query, Math.max(0, offset), Math.clamp(limit, 1, 1000));
    }

    /** How many accounts match the query. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public int count(UserQuery query) {
        return users.count(query);
    }

    /** All accounts, ordered by name. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<UserAccount> findAll() {
        return users.findAll();
    }

    /** Creates an account; fails with a message naming the problem (bad name, weak password, name taken). */
    @PreAuthorize("hasRole('ADMIN')")
    public UserAccount create(NewUser user) {
        String username = validUsername(user.username());
        validatePassword(user.password());
        return users.insert(username, passwordEncoder.encode(user.password()), user.role(), false)
                .orElseThrow(() -> new UserValidationException("User name '" + username + "' is already taken."));
    }

    /**
     * Changes role and enabled flag. Refuses stale edits (someone else saved first), and refuses anything that
     * would leave the system without an enabled admin or lock the acting admin out.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public UserAccount update(UserAccount account, Role role, boolean enabled) {
        // lock the admins first, so that the count below cannot change before this transaction ends
        long enabledAdmins = users.lockEnabledAdmins();
        UserAccount current = users.findById(account.id())
                .orElseThrow(() -> new UserValidationException("User '" + account.username() + "' no longer exists."));
        boolean self = current.username().equalsIgnoreCase(currentUsername().orElse(""));
        if (self && (role != Role.ADMIN || !enabled)) {
            throw new UserValidationException("You cannot remove your own admin role or disable yourself.");
        }
        boolean wasActiveAdmin = current.role() == Role.ADMIN && current.enabled();
        boolean staysActiveAdmin = role == Role.ADMIN && enabled;
        if (wasActiveAdmin && !staysActiveAdmin && enabledAdmins <= 1) {
            throw new UserValidationException("At least one enabled admin must remain.");
        }
        if (!users.update(account.id(), account.version(), role, enabled)) {
            throw new UserValidationException(
                    "User '" + account.username() + "' was changed by someone else meanwhile; reload and try again.");
        }
        return users.findById(account.id()).orElseThrow();
    }

    /**
     * Sets a new password for any user (the admin then tells the user), who must choose their own at the next
     * sign-in. Their open sessions end at once.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void resetPassword(long userId, String newPassword) {
        validatePassword(newPassword);
        users.findById(userId).orElseThrow(() -> new UserValidationException("No user with id " + userId + "."));
        users.updatePasswordHash(userId, passwordEncoder.encode(newPassword), true);
    }

    /** The signed-in user's account. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public UserAccount currentUser() {
        String name = currentUsername().orElseThrow(() -> new UserValidationException("Not signed in."));
        return users.findByUsername(name)
                .map(UserRepository.StoredUser::account)
                .orElseThrow(() -> new UserValidationException("Account '" + name + "' no longer exists."));
    }

    /** Changes the signed-in user's own password after checking the current one. */
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword) {
        String name = currentUsername().orElseThrow(() -> new UserValidationException("Not signed in."));
        UserRepository.StoredUser stored = users.findByUsername(name)
                .orElseThrow(() -> new UserValidationException("Account '" + name + "' no longer exists."));
        if (!passwordEncoder.matches(currentPassword, stored.passwordHash())) {
            throw new UserValidationException("The current password is wrong.");
        }
        validatePassword(newPassword);
        if (passwordEncoder.matches(newPassword, stored.passwordHash())) {
            throw new UserValidationException("Choose a new password different from the current one.");
        }
        users.updatePasswordHash(stored.account().id(), passwordEncoder.encode(newPassword), false);
        keepCurrentSession(stored.account().id());
    }

    /**
     * A password change bumps the account's version, which ends its sessions ({@link SessionFreshnessFilter}); the
     * session that made the change is kept by giving it the new version (its context object is the one stored in
     * the HTTP session).
     */
    private void keepCurrentSession(long accountId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountUser user && user.accountId() == accountId) {
            UserAccount now = users.findById(accountId).orElseThrow();
            AccountUser refreshed = new AccountUser(now, "", auth.getAuthorities());
            SecurityContextHolder.getContext()
                    .setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(refreshed, null, auth.getAuthorities()));
        }
    }

    /**
     * The crowdworker account of a participant who arrives through a recruitment platform's study link (Prolific):
     * created on the first visit with a random password nobody knows (they always enter through the link), found on
     * later visits. Anyone may call this, since the participant is not signed in yet; the caller validates the
     * link. Refuses a name that belongs to a researcher, an admin or a disabled account, so that a study link can
     * never sign someone in with more rights than a worker's.
     */
    @PreAuthorize("permitAll()")
    public UserAccount findOrCreateExternalWorker(String username) {
        String name = validUsername(username);
        if (users.findByUsername(name).isEmpty()) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            // a concurrent first visit may have inserted it meanwhile: the insert then does nothing
            users.insert(name, passwordEncoder.encode(java.util.HexFormat.of().formatHex(secret)), Role.WORKER, false);
        }
        UserAccount account = users.findByUsername(name)
                .map(UserRepository.StoredUser::account)
                .orElseThrow(() -> new UserValidationException("Account '" + name + "' could not be created."));
        if (account.role() != Role.WORKER || !account.enabled()) {
            throw new UserValidationException("Account '" + name + "' cannot be used for a study link.");
        }
        return account;
    }

    /**
     * Creates the first admin when there are no users at all; used once at start-up, so no role check. A generated
     * password must be changed at the first sign-in.
     */
    boolean createInitialAdminIfNoUsers(String username, String password, boolean mustChangePassword) {
        if (users.count() > 0) {
            return false;
        }
        return users.insert(username, passwordEncoder.encode(password), Role.ADMIN, mustChangePassword)
                .isPresent();
    }

    static void validatePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new UserValidationException("Password must have at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new UserValidationException("Password must be at most " + MAX_PASSWORD_BYTES + " bytes long.");
        }
    }

    static String validUsername(String username) {
        String trimmed = username == null ? "" : username.strip();
        if (!USERNAME.matcher(trimmed).matches()) {
            throw new UserValidationException(
                    "User name must be 2-64 characters: letters, digits, '.', '_', '@' or '-', starting with a letter or digit.");
        }
        return trimmed;
    }

    private static Optional<String> currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? Optional.empty() : Optional.of(auth.getName());
    }
}
