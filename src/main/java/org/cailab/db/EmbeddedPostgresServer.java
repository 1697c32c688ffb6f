package org.cailab.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

/**
 * An embedded PostgreSQL 17 on a persistent data directory.
 *
 * <p>Only one process may own a data directory: a lock file next to it is held for the server's lifetime. A
 * server left running by a process that was killed ({@code kill -9}) is found through {@code postmaster.pid}
 * and shut down before the new one starts, so the app comes back after a hard kill.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock, String database) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.database = database;
    }

    /**
     * Starts (creating on first use) the server whose data lives in {@code dataDirectory}, and makes sure the
     * database {@code database} exists.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, String database) {
        long started = System.nanoTime();
        Path dir = dataDirectory.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(dir.getParent());
            channel = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("The embedded PostgreSQL data directory " + dir
                        + " is in use by another Constitutional AI Lab process. Stop it, or set CAILAB_DATA_DIR"
                        + " to another directory.");
            }
            stopOrphanedServer(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // zonky starts postgres with -F (fsync off), fine for tests but not for data we keep
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            createDatabaseIfMissing(postgres, database);
            log.info("Embedded PostgreSQL on port {} with data in {} ready in {} ms", postgres.getPort(), dir,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedPostgresServer(postgres, channel, lock, database);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** JDBC URL of the app's database on this server. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
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
                    log.warn("Stopping PostgreSQL (pid {}) left running on {} by a process that ended abruptly", pid, dir);
                    p.destroy();
                    try {
                        p.onExit().get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("PostgreSQL (pid " + pid + ") on " + dir
                                + " did not stop within 60 s; stop it by hand and start again", e);
                    }
                });
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database \"" + database.replace("\"", "") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database '" + database + "' on the embedded PostgreSQL: "
                    + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // start-up already failed; that error is the one to report
            }
        }
    }
}
