package org.cailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineToolsTest {

    @Test
    void dispatchesRatingsWithoutStartingTheApp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("battles.jsonl");
        Files.writeString(file, """
                {"model_a":"x","model_b":"y","winner":"model_a"}
                {"model_a":"y","model_b":"x","winner":"model_a"}
                {"model_a":"x","model_b":"y","winner":"tie"}
                """);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int rc = CommandLineTools.run(
                new String[] {"ratings", "--input", file.toString(), "--bootstrap", "0"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"model\" : \"x\"")
                .contains("\"model\" : \"y\"");
    }

    @Test
    void unknownCommandPrintsUsage() {
        var err = new ByteArrayOutputStream();
        int rc = CommandLineTools.run(
                new String[] {"model", "nonsense"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).isEqualTo(2);
    }
}
