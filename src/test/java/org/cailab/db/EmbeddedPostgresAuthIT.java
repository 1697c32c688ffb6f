package org.cailab.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.cailab.support.TestDataDirs;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL lets nobody in without the right password, the app's role is no superuser but owns its
 * schema, and a data directory made by an older version (trust authentication, everything owned by the superuser)
 * is switched over on start with its rows kept.
 */
class EmbeddedPostgresAuthIT {

    @Test
    void aNewServerRefusesSignInsWithoutTheRightPasswordAndTheAppRoleIsNoSuperuser() throws Exception {
        Path dir = TestDataDirs.create("pgauth").resolve("postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, "cailab")) {
            assertRefusedWithoutTheRightPassword(server);

            try (Connection app =
                    DriverManager.getConnection(server.jdbcUrl(), server.appUser(), server.appPassword())) {
                assertThat(app.getMetaData().getUserName()).isEqualTo("cailab");
                assertThat(single(
                                app,
                                "select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls"
                                        + " from pg_roles where rolname = current_user"))
                        .isEqualTo("f");
                assertThat(single(
                                app,
                                "select pg_get_userbyid(datdba) from pg_database"
                                        + " where datname = current_database()"))
                        .isEqualTo("cailab");
                // the app role can create its schema: what Flyway does on the first start
                try (Statement st = app.createStatement()) {
                    st.execute("create table owned_by_app (id int)");
                }
            }

            // every rule, Unix socket ("local") and TCP ("host"), asks for a SCRAM password
            EmbeddedPostgresCredentials credentials =
                    EmbeddedPostgresCredentials.loadOrCreate(EmbeddedPostgresServer.credentialsFile(dir), null);
            try (Connection admin =
                    DriverManager.getConnection(server.jdbcUrl(), "postgres", credentials.adminPassword())) {
                assertThat(rows(admin, "select type || ' ' || auth_method from pg_hba_file_rules where error is null"))
                        .isNotEmpty()
                        .contains("local scram-sha-256", "host scram-sha-256")
                        .allMatch(rule -> rule.endsWith(" scram-sha-256"));
                assertThat(single(admin, "select count(*) from pg_hba_file_rules where error is not null"))
                        .isEqualTo("0");
            }
        }
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(EmbeddedPostgresServer.credentialsFile(dir))))
                .as("the password file is readable by its owner only")
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContain("trust");
    }

    @Test
    void anOldTrustDataDirectoryIsSwitchedToPasswordsAndKeepsItsRows() throws Exception {
        Path dir = TestDataDirs.create("pgauth-old").resolve("postgres");
        // what versions before this one did: zonky's initdb (trust), the schema migrated as the superuser
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .start()) {
            try (Connection c = old.getPostgresDatabase().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("create database cailab");
            }
            Flyway.configure()
                    .dataSource(old.getDatabase("postgres", "cailab"))
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            try (Connection c = old.getDatabase("postgres", "cailab").getConnection();
                    Statement st = c.createStatement()) {
                st.execute("insert into app_user (username, password_hash, role) values"
                        + " ('old-one', '{noop}x', 'WORKER'), ('old-two', '{noop}y', 'RESEARCHER')");
            }
        }
        assertThat(Files.readString(dir.resolve("pg_hba.conf")))
                .as("the old directory trusts everyone")
                .contains("trust");
        assertThat(Files.exists(EmbeddedPostgresServer.credentialsFile(dir))).isFalse();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, "cailab")) {
            assertRefusedWithoutTheRightPassword(server);
            try (Connection app =
                    DriverManager.getConnection(server.jdbcUrl(), server.appUser(), server.appPassword())) {
                assertThat(rows(app, "select username from app_user where username like 'old-%' order by username"))
                        .containsExactly("old-one", "old-two");
                assertThat(single(app, "select rolsuper from pg_roles where rolname = current_user"))
                        .isEqualTo("f");
                assertThat(rows(app, """
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and pg_get_userbyid(c.relowner) <> current_user
                        union all
                        select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> current_user"""))
                        .as("every table, sequence, index and function now belongs to the app role")
                        .isEmpty();
                // its identity sequence and the DDL of a later migration work as the app role
                try (Statement st = app.createStatement()) {
                    st.execute(
                            "insert into app_user (username, password_hash, role) values ('new-one', '{noop}z', 'WORKER')");
                    st.execute("alter table app_user add column upgrade_probe int");
                    st.execute("alter table app_user drop column upgrade_probe");
                }
            }
            Flyway flyway = Flyway.configure()
                    .dataSource(server.jdbcUrl(), server.appUser(), server.appPassword())
                    .locations("classpath:db/migration")
                    .outOfOrder(true)
                    .load();
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
            assertThat(flyway.migrate().migrationsExecuted).isZero();
        }

        // a second start finds nothing to switch and keeps the same passwords
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dir, "cailab");
                Connection app = DriverManager.getConnection(again.jdbcUrl(), again.appUser(), again.appPassword())) {
            assertThat(single(app, "select count(*) from app_user where username in ('old-one', 'old-two', 'new-one')"))
                    .isEqualTo("3");
            assertRefusedWithoutTheRightPassword(again);
        }
    }

    @Test
    void theAppRolePasswordFromTheConfigurationIsTheOneThatWorks() throws Exception {
        Path dir = TestDataDirs.create("pgauth-env").resolve("postgres");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dir, "cailab")) {
            assertThat(first.appPassword()).hasSizeGreaterThanOrEqualTo(43);
        }
        String configured = "configured-" + EmbeddedPostgresCredentials.generate();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, "cailab", configured)) {
            assertThat(server.appPassword()).isEqualTo(configured);
            try (Connection app = DriverManager.getConnection(server.jdbcUrl(), "cailab", configured)) {
                assertThat(single(app, "select current_user")).isEqualTo("cailab");
            }
            String generated = EmbeddedPostgresCredentials.loadOrCreate(
                            EmbeddedPostgresServer.credentialsFile(dir), null)
                    .appPassword();
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "cailab", generated))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aPasswordProtectedDirectoryWithoutItsPasswordFileIsNotStartedNorReinitialised() throws Exception {
        Path dir = TestDataDirs.create("pgauth-lost").resolve("postgres");
        EmbeddedPostgresServer.start(dir, "cailab").close();
        Path credentials = EmbeddedPostgresServer.credentialsFile(dir);
        Files.delete(credentials);

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dir, "cailab"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(credentials.toString())
                .hasMessageContaining("is missing");
        assertThat(credentials).as("no new passwords that would not open it").doesNotExist();
        assertThat(dir.resolve("PG_VERSION")).exists();
    }

    private static void assertRefusedWithoutTheRightPassword(EmbeddedPostgresServer server) {
        for (String user : List.of("postgres", "cailab")) {
            Properties noPassword = new Properties();
            noPassword.setProperty("user", user);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), noPassword)
                            .close())
                    .as("%s without a password", user)
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), user, "wrong-password")
                            .close())
                    .as("%s with a wrong password", user)
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        List<String> rows = rows(c, sql);
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
