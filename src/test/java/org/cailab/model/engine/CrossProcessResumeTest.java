package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run stopped after its checkpoint at step 5 and resumed in a new JVM (with other native memory in use, so
 * different addresses) ends with exactly the weights and optimizer state of the same run trained in one JVM: the
 * engine's part of "kill -9 resumes to the same weights" (docs/decisions/0150-cross-process-determinism.md), without
 * the app and database around it (TrainingKillResumeIT has those).
 */
class CrossProcessResumeTest {

    @TempDir
    Path dir;

    @Test
    void aRunResumedInAnotherProcessEndsWithTheWeightsOfTheUninterruptedRun() throws Exception {
        TinyModels.create(dir.resolve("base"), TestModels.qwen2Tied(), 2);
        child("full");
        child("stop");
        CheckpointStore run = new CheckpointStore(dir.resolve("run"));
        assertThat(run.steps()).containsExactly(ResumeInChildProcess.CHECKPOINT_EVERY);
        child("resume");

        int total = ResumeInChildProcess.order().totalSteps();
        CheckpointStore full = new CheckpointStore(dir.resolve("full"));
        assertThat(run.steps()).isEqualTo(full.steps()).contains(total);
        for (int step : full.steps()) {
            for (String file : List.of("model.safetensors", Trainer.OPTIMIZER_FILE)) {
                assertSameTensors(
                        full.directory(step).resolve(file), run.directory(step).resolve(file));
            }
        }
    }

    private void child(String mode) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "--enable-native-access=ALL-UNNAMED",
                        "-Dai.djl.offline=true",
                        "-DOPT_OUT_TRACKING=true",
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ResumeInChildProcess.class.getName(),
                        dir.toString(),
                        mode)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as("child %s ended", mode)
                .isTrue();
        assertThat(process.exitValue()).as("child %s:%n%s", mode, output).isZero();
    }

    private static void assertSameTensors(Path expected, Path actual) {
        try (SafetensorsReader a = SafetensorsReader.open(expected);
                SafetensorsReader b = SafetensorsReader.open(actual)) {
            assertThat(b.names()).isEqualTo(a.names());
            for (String name : a.names()) {
                assertThat(b.read(name).data())
                        .as("%s in %s", name, actual)
                        .containsExactly(a.read(name).data());
            }
        }
    }
}
