package org.cailab.pipeline;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cailab.CailabApplication;

/**
 * The app in a child JVM with the test classpath (so it has the test run types), on a given database, with short
 * heartbeats and leases so that a killed instance is noticed within seconds. Its output is collected line by line.
 * Public for other modules' kill tests (SL-CAI).
 */
public final class ChildApp implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);

    private ChildApp(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread.ofVirtual().start(this::collect);
    }

    public static ChildApp start(String name, String jdbcUrl, String username, String password) throws Exception {
        return start(name, jdbcUrl, username, password, List.of());
    }

    /** A child with more {@code --name=value} arguments (they replace the defaults of the same name). */
    public static ChildApp start(
            String name, String jdbcUrl, String username, String password, List<String> extraArguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CailabApplication.class.getName(),
                // the application name lets a test see in pg_stat_activity when a killed child's connections are gone
                "--spring.datasource.url=" + jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + name,
                "--spring.datasource.username=" + username,
                "--server.port=0",
                "--cailab.security.admin-password=child-password",
                "--cailab.models.demo-enabled=false",
                "--cailab.data-dir=" + org.cailab.support.TestDataDirs.create("child-" + name),
                "--cailab.pipeline.instance-name=" + name,
                "--cailab.pipeline.poll-interval=300ms",
                "--cailab.pipeline.heartbeat-interval=500ms",
                "--cailab.pipeline.missed-heartbeats=4",
                "--cailab.pipeline.lease=3s"));
        // Spring joins repeated options with commas, so an extra argument replaces its default instead of following it
        for (String extra : extraArguments) {
            String key = extra.contains("=") ? extra.substring(0, extra.indexOf('=') + 1) : extra;
            command.removeIf(argument -> argument.startsWith("--") && argument.startsWith(key));
            command.add(extra);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", password); // not on the command line, which ps shows
        return new ChildApp(name, builder.start());
    }

    private void collect() {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
                if (line.contains("Started CailabApplication")) {
                    started.countDown();
                }
            }
        } catch (java.io.IOException e) {
            // the process is gone
        }
    }

    public void awaitStarted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!started.await(200, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not start ("
                        + (process.isAlive() ? "timeout " + timeout : "exited") + "):\n" + String.join("\n", lines));
            }
        }
    }

    /** The instance name: prefix of its workers' names ({@code name#...}) and its database application name. */
    public String name() {
        return name;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** SIGKILL: no shutdown hook, no graceful stop of anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
