package org.cailab.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.db.jooq.Tables.APP_USER;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cailab.CailabApplication;
import org.cailab.support.TestDataDirs;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The embedded database keeps every row across a clean restart and across a {@code kill -9} of the app (whose
 * postmaster then lingers and must be taken over by the next start).
 */
class RestartKeepsDataIT {

    private static final String PASSWORD = "first-start-password";

    @Test
    void rowsSurviveCleanRestartAndKill9() throws Exception {
        Path dataDir = TestDataDirs.create("restart");

        try (ConfigurableApplicationContext first = start(dataDir)) {
            first.getBean(DSLContext.class)
                    .insertInto(APP_USER)
                    .set(APP_USER.USERNAME, "kept-row")
                    .set(APP_USER.PASSWORD_HASH, "{noop}x")
                    .set(APP_USER.ROLE, "WORKER")
                    .execute();
        }

        Process second = startChildJvm(dataDir);
        try {
            awaitStarted(second);
        } finally {
            second.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks run
        }

        try (ConfigurableApplicationContext third = start(dataDir)) {
            DSLContext dsl = third.getBean(DSLContext.class);
            assertThat(dsl.fetchCount(APP_USER, APP_USER.USERNAME.eq("kept-row")))
                    .isEqualTo(1);
            assertThat(dsl.fetchCount(APP_USER, APP_USER.USERNAME.eq("admin"))).isEqualTo(1);
            String hash = dsl.select(APP_USER.PASSWORD_HASH)
                    .from(APP_USER)
                    .where(APP_USER.USERNAME.eq("admin"))
                    .fetchSingle()
                    .value1();
            assertThat(third.getBean(PasswordEncoder.class).matches(PASSWORD, hash))
                    .as("the admin created on the first start is kept, not re-created")
                    .isTrue();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(CailabApplication.class)
                .run("--cailab.data-dir=" + dataDir, "--server.port=0", "--cailab.security.admin-password=" + PASSWORD);
    }

    private static Process startChildJvm(Path dataDir) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                CailabApplication.class.getName(),
                "--cailab.data-dir=" + dataDir,
                "--server.port=0",
                "--cailab.security.admin-password=another-password"));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitStarted(Process process) throws Exception {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder log = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while ((line = reader.readLine()) != null && System.nanoTime() < deadline) {
            log.append(line).append('\n');
            if (line.contains("Started CailabApplication")) {
                Thread.ofVirtual().start(() -> reader.lines().forEach(l -> {})); // keep the pipe drained
                return;
            }
        }
        throw new AssertionError("child app did not start:\n" + log);
    }
}
