package org.cailab.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RatingsCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RatingsCommand.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path battles(int n) throws IOException {
        BattleSimulator sim = new BattleSimulator(new double[] {1200, 1000, 900}, 0.3, 21);
        List<String> lines = new ArrayList<>();
        sim.feed(
                n,
                b -> lines.add("{\"model_a\":\"" + b.modelA() + "\",\"model_b\":\"" + b.modelB()
                        + "\",\"winner\":\""
                        + switch (b.outcome()) {
                            case A_WINS -> "model_a";
                            case B_WINS -> "model_b";
                            case TIE -> "tie";
                            case BOTH_BAD -> "tie (bothbad)";
                        }
                        + "\"}"));
        Path file = dir.resolve("battles.jsonl");
        Files.write(file, lines);
        return file;
    }

    private JsonNode json() {
        return JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void bradleyTerryEndToEnd() throws IOException {
        Path file = battles(3000);
        assertThat(run("--input", file.toString(), "--bootstrap", "50", "--anchor", "m01", "--seed", "5"))
                .as(err.toString())
                .isZero();
        JsonNode root = json();
        assertThat(root.get("method").stringValue()).isEqualTo("bt");
        assertThat(root.get("battles").asLong()).isEqualTo(3000);
        assertThat(root.get("bootstrapRounds").asInt()).isEqualTo(50);
        assertThat(root.get("anchor").stringValue()).isEqualTo("m01");
        assertThat(root.get("converged").asBoolean()).isTrue();
        JsonNode models = root.get("models");
        assertThat(models.size()).isEqualTo(3);
        assertThat(models.get(0).get("model").stringValue()).isEqualTo("m00");
        assertThat(models.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(models.get(0).get("rating").asDouble()).isBetween(150.0, 250.0);
        assertThat(models.get(0).get("lower").asDouble())
                .isLessThan(models.get(0).get("upper").asDouble());
        assertThat(models.get(1).get("model").stringValue()).isEqualTo("m01");
        assertThat(models.get(1).get("rating").asDouble()).isZero();
        long votes = 0;
        for (JsonNode m : models) {
            votes += m.get("votes").asLong();
        }
        assertThat(votes).isEqualTo(6000);
    }

    @Test
    void eloEndToEndWithTheLeadingSubcommandName() throws IOException {
        Path file = battles(2000);
        assertThat(run("ratings", "--input", file.toString(), "--method", "elo", "--bootstrap", "20"))
                .isZero();
        JsonNode root = json();
        assertThat(root.get("method").stringValue()).isEqualTo("elo");
        assertThat(root.get("anchor").isNull()).isTrue();
        assertThat(root.get("models").get(0).get("model").stringValue()).isEqualTo("m00");
        assertThat(root.get("models").get(0).get("rating").asDouble()).isGreaterThan(1000);
    }

    @Test
    void warnsWhenTooFewBattlesLeaveRatingsUnbounded() throws IOException {
        Path file = Files.writeString(dir.resolve("tiny.jsonl"), """
                {"model_a":"a","model_b":"b","winner":"model_a"}
                {"model_a":"a","model_b":"b","winner":"model_b"}
                {"model_a":"b","model_b":"c","winner":"model_a"}
                {"model_a":"b","model_b":"c","winner":"model_b"}
                {"model_a":"c","model_b":"a","winner":"model_a"}
                {"model_a":"c","model_b":"a","winner":"model_b"}
                """);
        assertThat(run("--input", file.toString(), "--bootstrap", "50")).isZero();
        assertThat(err.toString()).contains("bootstrap rounds some model never lost");
        assertThat(json().get("unconvergedRounds").asInt()).isPositive();
        assertThat(run("--input", file.toString(), "--bootstrap", "0")).isZero();
        assertThat(err.toString()).doesNotContain("did not converge");
    }

    @Test
    void badArgumentsExitTwoWithUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("--input is required").contains("usage: ratings");
        for (String[] args : new String[][] {
            {"--input"},
            {"--input", "x", "--method", "glicko"},
            {"--input", "x", "--bootstrap", "-1"},
            {"--input", "x", "--seed", "abc"},
            {"--wat", "1"}
        }) {
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
        }
        assertThat(err.toString()).contains("--method must be bt or elo").contains("unknown option --wat");
    }

    @Test
    void helpExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("usage: ratings");
    }

    @Test
    void badInputExitsOneWithAClearMessage() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"model_a\":\"a\",\"model_b\":\"b\",\"winner\":\"model_a\"}\n{\"model_a\":\"a\"}\n");
        assertThat(run("--input", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("bad.jsonl: line 2: missing \"model_b\"");

        assertThat(run("--input", dir.resolve("absent.jsonl").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no such file");

        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
        assertThat(run("--input", empty.toString())).isEqualTo(1);
        assertThat(run("--input", empty.toString(), "--method", "elo")).isEqualTo(1);
        assertThat(err.toString()).contains("holds no battles");

        assertThat(run("--input", battles(100).toString(), "--anchor", "nobody"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("anchor model not found").contains("nobody");
        assertThat(out.toString()).isEmpty();
    }
}
