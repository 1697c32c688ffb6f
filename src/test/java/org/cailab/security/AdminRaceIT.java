package org.cailab.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.db.jooq.Tables.APP_USER;
import static org.cailab.support.AsUser.asAdmin;
import static org.jooq.impl.DSL.field;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cailab.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * "At least one enabled admin remains" under two concurrent demotions. The other admins of the shared test database
 * are disabled for the duration (and restored), so that exactly two remain; the first demotion is held open in its
 * transaction until the second one has either finished or is waiting for a lock in PostgreSQL (read from
 * pg_stat_activity, not from timing).
 */
class AdminRaceIT extends IntegrationTest {

    @Autowired
    UserService users;

    @Autowired
    DSLContext dsl;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void twoConcurrentDemotionsOfTheLastTwoAdminsLeaveOne() throws Exception {
        UserAccount first = asAdmin(() -> users.create(new NewUser(name(), "admin-pass-1", Role.ADMIN)));
        UserAccount second = asAdmin(() -> users.create(new NewUser(name(), "admin-pass-2", Role.ADMIN)));
        List<Long> others = dsl.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.ROLE.eq("ADMIN").and(APP_USER.ENABLED).and(APP_USER.ID.notIn(first.id(), second.id())))
                .fetch(APP_USER.ID);
        dsl.update(APP_USER)
                .set(APP_USER.ENABLED, false)
                .where(APP_USER.ID.in(others))
                .execute();
        try {
            TransactionStatus held = transactions.getTransaction(new DefaultTransactionDefinition());
            CompletableFuture<Object> secondDemotion;
            try {
                asOperator(() -> users.update(first, Role.RESEARCHER, true));
                secondDemotion = CompletableFuture.supplyAsync(() -> {
                    try {
                        return asOperator(() -> users.update(second, Role.RESEARCHER, true));
                    } catch (UserValidationException e) {
                        return e;
                    }
                });
                while (!secondDemotion.isDone() && !waitingForALock()) {
                    Thread.onSpinWait();
                }
            } finally {
                transactions.commit(held);
            }
            Object outcome = secondDemotion.get(30, TimeUnit.SECONDS);
            assertThat(outcome).isInstanceOf(UserValidationException.class);
            assertThat(dsl.fetchCount(
                            APP_USER,
                            APP_USER.ROLE
                                    .eq("ADMIN")
                                    .and(APP_USER.ENABLED)
                                    .and(APP_USER.ID.in(first.id(), second.id()))))
                    .isEqualTo(1);
        } finally {
            dsl.update(APP_USER)
                    .set(APP_USER.ENABLED, true)
                    .where(APP_USER.ID.in(others))
                    .execute();
        }
    }

    /** Asked on a connection of its own: inside a transaction PostgreSQL shows one snapshot of the activity. */
    private boolean waitingForALock() {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return org.jooq
                    .impl
                    .DSL
                    .using(connection)
                    .fetchExists(org.jooq
                            .impl
                            .DSL
                            .selectOne()
                            .from("pg_stat_activity")
                            .where(field("wait_event_type").eq("Lock"))
                            .and("datname = current_database()"));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An admin who is neither of the two, so that "you cannot demote yourself" does not apply. */
    private static <T> T asOperator(java.util.function.Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "operator", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_RESEARCHER")));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private static String name() {
        return "adm-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
