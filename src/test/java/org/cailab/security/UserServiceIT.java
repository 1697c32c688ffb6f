package org.cailab.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cailab.db.jooq.Tables.APP_USER;

import java.util.UUID;
import org.cailab.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;

class UserServiceIT extends IntegrationTest {

    @Autowired
    UserService users;

    @Autowired
    DSLContext dsl;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void firstStartCreatedTheAdminWithTheConfiguredPassword() {
        var row = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq("admin")).fetchOne();
        assertThat(row).isNotNull();
        assertThat(row.getRole()).isEqualTo("ADMIN");
        assertThat(row.getPasswordHash()).startsWith("{bcrypt}").doesNotContain(ADMIN_PASSWORD);
        assertThat(passwordEncoder.matches(ADMIN_PASSWORD, row.getPasswordHash()))
                .isTrue();
    }

    @Test
    @WithMockUser(
            username = "admin",
            roles = {"ADMIN", "RESEARCHER"})
    void adminCreatesUserStoredHashedInPostgres() {
        String name = unique("res");
        UserAccount created = users.create(new NewUser(name, "s3cret-pass", Role.RESEARCHER));

        var row = dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(created.id())).fetchOne();
        assertThat(row).isNotNull();
        assertThat(row.getUsername()).isEqualTo(name);
        assertThat(row.getRole()).isEqualTo("RESEARCHER");
        assertThat(row.getPasswordHash()).isNotEqualTo("s3cret-pass");
        assertThat(passwordEncoder.matches("s3cret-pass", row.getPasswordHash()))
                .isTrue();
        assertThat(users.findAll()).extracting(UserAccount::username).contains(name, "admin");
    }

    @Test
    @WithMockUser(
            username = "admin",
            roles = {"ADMIN", "RESEARCHER"})
    void userNamesAreUniqueIgnoringCase() {
        String name = unique("Dup");
        users.create(new NewUser(name, "password-1", Role.WORKER));
        assertThatThrownBy(() -> users.create(new NewUser(name.toLowerCase(), "password-2", Role.WORKER)))
                .isInstanceOf(UserValidationException.class)
                .hasMessageContaining("already taken");
    }

    @Test
    @WithMockUser(
            username = "admin",
            roles = {"ADMIN", "RESEARCHER"})
    void badNamesAndPasswordsAreRefusedWithReasons() {
        assertThatThrownBy(() -> users.create(new NewUser("a b", "password-1", Role.WORKER)))
                .hasMessageContaining("User name");
        assertThatThrownBy(() -> users.create(new NewUser(unique("w"), "short", Role.WORKER)))
                .hasMessageContaining("at least 8");
        assertThatThrownBy(() -> users.create(new NewUser(unique("w"), "x".repeat(73), Role.WORKER)))
                .hasMessageContaining("72 bytes");
    }

    @Test
    @WithMockUser(
            username = "admin",
            roles = {"ADMIN", "RESEARCHER"})
    void roleChangesUseOptimisticLockingAndKeepAnAdmin() {
        UserAccount worker = users.create(new NewUser(unique("w"), "password-1", Role.WORKER));
        UserAccount promoted = users.update(worker, Role.RESEARCHER, true);
        assertThat(promoted.role()).isEqualTo(Role.RESEARCHER);
        assertThat(promoted.version()).isGreaterThan(worker.version());

        assertThatThrownBy(() -> users.update(worker, Role.ADMIN, true))
                .hasMessageContaining("changed by someone else");

        UserAccount self = users.findAll().stream()
                .filter(u -> u.username().equals("admin"))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> users.update(self, Role.WORKER, true)).hasMessageContaining("your own admin role");
    }

    @Test
    @WithMockUser(username = "someone", roles = "WORKER")
    void workersCannotManageUsers() {
        assertThatThrownBy(() -> users.findAll()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.create(new NewUser(unique("x"), "password-1", Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.resetPassword(1, "password-1")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "r", roles = "RESEARCHER")
    void researchersCannotManageUsersEither() {
        assertThatThrownBy(() -> users.findAll()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anonymousCallsAreRefused() {
        assertThatThrownBy(() -> users.currentUser()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
