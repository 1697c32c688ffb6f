package org.cailab.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.cailab.CailabApplication;
import org.cailab.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A start-up that cannot work must say why in a few lines, naming what was configured. */
@ExtendWith(OutputCaptureExtension.class)
class StartupDiagnosticsIT {

    @Test
    void unreachableDatabaseNamesTheUrlAndTheCause(CapturedOutput output) {
        String url = "jdbc:postgresql://127.0.0.1:1/cailab?password=hunter2";
        assertThatThrownBy(() -> app(
                                "--spring.datasource.url=" + url,
                                "--spring.datasource.username=cailab",
                                "--cailab.data-dir=" + TestDataDirs.create("badurl"),
                                "--server.port=0")
                        .run())
                .isInstanceOf(Exception.class);
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Could not connect to the PostgreSQL database at jdbc:postgresql://127.0.0.1:1/cailab")
                .contains("Connection")
                .doesNotContain("hunter2");
    }

    @Test
    void occupiedPortIsReported(CapturedOutput output) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> app("--cailab.data-dir=" + TestDataDirs.create("port"), "--server.port=" + port)
                            .run())
                    .isInstanceOf(Exception.class);
            assertThat(output.getAll())
                    .contains("APPLICATION FAILED TO START")
                    .contains(String.valueOf(port))
                    .contains("already in use");
        }
    }

    private static AppRun app(String... args) {
        return new AppRun(args);
    }

    private record AppRun(String[] args) {
        void run() {
            new SpringApplicationBuilder(CailabApplication.class).run(args).close();
        }
    }
}
