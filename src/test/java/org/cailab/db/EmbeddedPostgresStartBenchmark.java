package org.cailab.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cailab.support.TestDataDirs;

/**
 * Start-up time of the embedded PostgreSQL with passwords and the app role ({@link EmbeddedPostgresServer}) against
 * the baseline of what earlier versions did (zonky's trust initdb, superuser only), alternating in one run: on a new
 * data directory (what every test JVM does once) and on an existing one (an app restart). Not a test.
 * Argument: rounds (default 5).
 */
public final class EmbeddedPostgresStartBenchmark {

    private EmbeddedPostgresStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Long> oldFresh = new ArrayList<>();
        List<Long> newFresh = new ArrayList<>();
        List<Long> oldRestart = new ArrayList<>();
        List<Long> newRestart = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Path oldDir = TestDataDirs.create("bench-old").resolve("postgres");
            oldFresh.add(time(() -> startTrust(oldDir)));
            oldRestart.add(time(() -> startTrust(oldDir)));
            Path newDir = TestDataDirs.create("bench-new").resolve("postgres");
            newFresh.add(
                    time(() -> EmbeddedPostgresServer.start(newDir, "cailab").close()));
            newRestart.add(
                    time(() -> EmbeddedPostgresServer.start(newDir, "cailab").close()));
        }
        report("new data directory", newFresh, oldFresh);
        report("existing data directory", newRestart, oldRestart);
    }

    /** What versions before the password change ran on start. */
    private static void startTrust(Path dir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("max_connections", "100")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
                Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            if (!st.executeQuery("select 1 from pg_database where datname = 'cailab'")
                    .next()) {
                st.execute("create database cailab");
            }
        }
    }

    private static void report(String what, List<Long> measured, List<Long> baseline) {
        long m = median(measured);
        long b = median(baseline);
        System.out.printf(
                "%s: passwords + app role median %d ms %s, trust baseline median %d ms %s, ratio %.2f%n",
                what, m, measured, b, baseline, (double) m / b);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private interface Action {
        void run() throws Exception;
    }

    private static long time(Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
