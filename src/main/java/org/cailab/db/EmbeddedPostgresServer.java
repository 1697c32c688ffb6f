package org.cailab.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL 17 on a persistent data directory.
 *
 * <p>Only one process may own a data directory: a lock file next to it is held for the server's lifetime. A
 * server left running by a process that was killed ({@code kill -9}) is found through {@code postmaster.pid}
 * and shut down before the new one starts, so the app comes back after a hard kill.
 *
 * <p>Every sign-in needs a password (SCRAM-SHA-256, for TCP and Unix-socket connections alike). The superuser
 * {@code postgres} is used only here, at start, to set things up; the app signs in as the role {@code cailab}, which
 * owns the app's database and its objects but is no superuser. A data directory initialised by an older version with
 * trust authentication is switched to passwords on start, keeping its rows (docs/decisions/0145-embedded-database-passwords.md).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    static final String APP_ROLE = "cailab";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String database;
    private final EmbeddedPostgresCredentials credentials;

    private EmbeddedPostgresServer(
            EmbeddedPostgres postgres,
            FileChannel lockChannel,
            FileLock lock,
            String database,
            EmbeddedPostgresCredentials credentials) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.database = database;
        this.credentials = credentials;
    }

    /**
     * Starts (creating on first use) the server whose data lives in {@code dataDirectory}, and makes sure the
     * application role and the database {@code database} it owns exist. The passwords are generated and kept in
     * {@code <dataDirectory>.credentials}.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, String database) {
        return start(dataDirectory, database, null);
    }

    /**
     * As {@link #start(Path, String)}, with the application role's password given by the configuration (null or
     * blank: the generated one in the credentials file).
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, String database, @Nullable String appPassword) {
        long started = System.nanoTime();
        Path dir = dataDirectory.toAbsolutePath().normalize();
        FileChannel channel = null;
        EmbeddedPostgres postgres = null;
        try {
            Files.createDirectories(dir.getParent());
            channel = FileChannel.open(
                    dir.resolveSibling(dir.getFileName() + ".lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("The embedded PostgreSQL data directory " + dir
                        + " is in use by another Constitutional AI Lab process. Stop it, or set CAILAB_DATA_DIR"
                        + " to another directory.");
            }
            stopOrphanedServer(dir);
            Path credentialsFile = credentialsFile(dir);
            boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
            boolean trust = !fresh && PgHba.allowsTrust(dir);
            if (!fresh && !trust && !Files.exists(credentialsFile)) {
                // new passwords would not open it, and re-initialising would lose the data
                throw new IllegalStateException("The embedded PostgreSQL in " + dir + " requires passwords, but their"
                        + " file " + credentialsFile + " is missing. Restore it from a backup (or move the data"
                        + " directory away to start with an empty database).");
            }
            EmbeddedPostgresCredentials credentials =
                    EmbeddedPostgresCredentials.loadOrCreate(credentialsFile, appPassword);
            if (fresh) {
                EmbeddedPostgresInitdb.run(dir, credentials.adminPassword());
                PgHba.writePasswordOnly(dir);
            }
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // zonky starts postgres with -F (fsync off), fine for tests but not for data we keep
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // zonky's own connections (readiness check) sign in as the superuser
                    .setConnectConfig("password", credentials.adminPassword())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            if (trust) {
                upgradeFromTrust(postgres, dir, credentials);
            }
            setUpAppRole(postgres, database, credentials);
            log.info(
                    "Embedded PostgreSQL on port {} with data in {} ready in {} ms",
                    postgres.getPort(),
                    dir,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedPostgresServer(postgres, channel, lock, database, credentials);
        } catch (IOException e) {
            closeQuietly(postgres);
            closeQuietly(channel);
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            closeQuietly(channel);
            throw e;
        }
    }

    /** Where the passwords of the server on {@code dataDirectory} are kept (beside it, owner-only). */
    static Path credentialsFile(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        return dir.resolveSibling(dir.getFileName() + ".credentials");
    }

    /** JDBC URL of the app's database on this server. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** The role the application signs in as: owns the app's database and schema, not a superuser. */
    public String appUser() {
        return APP_ROLE;
    }

    /** The application role's password (for other processes of the app on this server, such as tests' children). */
    public String appPassword() {
        return credentials.appPassword();
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    /**
     * A postmaster whose owner was killed keeps running and holds the data directory. We own the lock, so no
     * live app uses it: ask it to shut down (SIGTERM is PostgreSQL's smart shutdown; its clients are gone).
     */
    private static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(p -> {
                    log.warn(
                            "Stopping PostgreSQL (pid {}) left running on {} by a process that ended abruptly",
                            pid,
                            dir);
                    p.destroy();
                    try {
                        p.onExit().get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(
                                "PostgreSQL (pid " + pid + ") on " + dir
                                        + " did not stop within 60 s; stop it by hand and start again",
                                e);
                    }
                });
    }

    /**
     * A data directory made by a version that initialised PostgreSQL with trust authentication: give the superuser
     * its password, then allow only password sign-ins and make the running server read that at once.
     */
    private static void upgradeFromTrust(EmbeddedPostgres postgres, Path dir, EmbeddedPostgresCredentials credentials)
            throws IOException {
        log.warn("The embedded PostgreSQL in {} allowed sign-ins without a password; switching it to passwords", dir);
        try (Connection c = postgres.getDatabase(SUPERUSER, "postgres").getConnection()) {
            c.unwrap(PGConnection.class)
                    .alterUserPassword(SUPERUSER, credentials.adminPassword().toCharArray(), "scram-sha-256");
            PgHba.writePasswordOnly(dir);
            try (Statement reload = c.createStatement()) {
                reload.execute("select pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not switch the embedded PostgreSQL in " + dir + " to password authentication: "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Makes sure the application role exists without superuser rights, has the current password, and owns the
     * database and every object in its {@code public} schema (databases made by older versions were owned by the
     * superuser). Runs as the superuser; this connection is used for nothing else.
     */
    private static void setUpAppRole(
            EmbeddedPostgres postgres, String database, EmbeddedPostgresCredentials credentials) {
        String quotedDb = "\"" + database.replace("\"", "") + "\"";
        try (Connection c = postgres.getDatabase(SUPERUSER, "postgres").getConnection();
                Statement st = c.createStatement()) {
            boolean roleExists;
            try (ResultSet rs = st.executeQuery("select 1 from pg_roles where rolname = '" + APP_ROLE + "'")) {
                roleExists = rs.next();
            }
            st.execute((roleExists ? "alter role " : "create role ") + APP_ROLE
                    + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
            c.unwrap(PGConnection.class)
                    .alterUserPassword(APP_ROLE, credentials.appPassword().toCharArray(), "scram-sha-256");
            String owner = null;
            try (PreparedStatement ps =
                    c.prepareStatement("select pg_get_userbyid(datdba) from pg_database where datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        owner = rs.getString(1);
                    }
                }
            }
            if (owner == null) {
                st.execute("create database " + quotedDb + " owner " + APP_ROLE);
            } else if (!APP_ROLE.equals(owner)) {
                st.execute("alter database " + quotedDb + " owner to " + APP_ROLE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not set up the role and database '" + database + "' on the embedded PostgreSQL: "
                            + e.getMessage(),
                    e);
        }
        try (Connection c = postgres.getDatabase(SUPERUSER, database).getConnection();
                Statement st = c.createStatement()) {
            st.execute(HAND_OVER_OBJECTS);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not hand the objects of database '" + database + "' to the role " + APP_ROLE + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Gives the app role every object of schema {@code public} it does not own yet: tables (with their indexes and
     * owned sequences), views, free-standing sequences, functions and types. Nothing to do on later starts.
     */
    private static final String HAND_OVER_OBJECTS = """
            do $$
            declare r record;
            begin
              if pg_get_userbyid((select nspowner from pg_namespace where nspname = 'public')) <> '%1$s'
                 and pg_get_userbyid((select nspowner from pg_namespace where nspname = 'public')) <> 'pg_database_owner' then
                execute 'alter schema public owner to %1$s';
              end if;
              for r in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                       where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                         and pg_get_userbyid(c.relowner) <> '%1$s'
                         and not (c.relkind = 'S' and exists (select 1 from pg_depend d
                                  where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                    and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')))
              loop
                execute format('alter %%s public.%%I owner to %1$s',
                    case r.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view'
                                   when 'f' then 'foreign table' else 'table' end, r.relname);
              end loop;
              for r in select p.oid::regprocedure as sig, p.prokind from pg_proc p
                       join pg_namespace n on n.oid = p.pronamespace
                       where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '%1$s'
                         and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                                         and d.objid = p.oid and d.deptype = 'e')
              loop
                execute format('alter %%s %%s owner to %1$s',
                    case r.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end, r.sig);
              end loop;
              for r in select t.oid::regtype as typ, t.typtype from pg_type t
                       join pg_namespace n on n.oid = t.typnamespace
                       where n.nspname = 'public' and pg_get_userbyid(t.typowner) <> '%1$s'
                         and (t.typtype in ('d', 'e', 'r')
                              or (t.typtype = 'c' and (select relkind from pg_class where oid = t.typrelid) = 'c'))
                         and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass
                                         and d.objid = t.oid and d.deptype = 'e')
              loop
                execute format('alter %%s %%s owner to %1$s',
                    case r.typtype when 'd' then 'domain' else 'type' end, r.typ);
              end loop;
            end
            $$""".formatted(APP_ROLE);

    private static void closeQuietly(@Nullable EmbeddedPostgres postgres) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException ignored) {
                // start-up already failed; that error is the one to report
            }
        }
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // start-up already failed; that error is the one to report
            }
        }
    }
}
