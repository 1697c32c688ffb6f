package org.cailab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.cailab.cli.CommandLineTools;
import org.cailab.model.engine.CausalLm;
import org.cailab.support.TinyModelFixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code eval} on the paper's 438 HHH comparisons with a tiny real model: the pipeline and the bookkeeping. */
class EvalCommandTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static Path model;

    @BeforeAll
    static void model() {
        model = TinyModelFixture.create("eval-command", 21);
    }

    /** The shared reference file ({@code ../shared/data}, or two levels up from a worktree); skipped when absent. */
    static Path hhhFile() {
        Path file = Stream.of("../shared/data", "../../shared/data")
                .map(root -> Path.of(root, "cai-paper/evals/438HHHEvaluations.jsonl"))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElse(null);
        Assumptions.assumeTrue(
                file != null,
                "../shared/data/cai-paper/evals/438HHHEvaluations.jsonl is absent (a fresh clone has no ../shared); skipping");
        return file;
    }

    @Test
    void printsOneLinePerItemAndTheCalibrationSummary() throws Exception {
        Path file = hhhFile();
        int limit = 24;
        Run run =
                run("eval", "--model", model.toString(), "--input", file.toString(), "--limit", String.valueOf(limit));

        assertThat(run.rc).as(run.err).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(limit + 1);
        List<String> fileLines = Files.readAllLines(file).stream()
                .filter(l -> !l.isBlank())
                .limit(limit)
                .toList();
        int correct = 0;
        List<double[]> confidenceAndCorrect = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            JsonNode line = lines.get(i);
            JsonNode item = JSON.readTree(fileLines.get(i));
            assertThat(line.get("index").asInt()).isEqualTo(i);
            JsonNode probabilities = line.get("probabilities");
            List<String> options = new ArrayList<>();
            item.get("corrects").forEach(o -> options.add(o.asString()));
            item.get("incorrects").forEach(o -> options.add(o.asString()));
            assertThat(probabilities.propertyNames()).containsExactlyElementsOf(options);
            double sum = 0;
            double max = 0;
            for (String option : options) {
                double p = probabilities.get(option).asDouble();
                assertThat(p).isBetween(0.0, 1.0);
                sum += p;
                max = Math.max(max, p);
            }
            assertThat(sum).isCloseTo(1, within(1e-9));
            double right =
                    probabilities.get(item.get("corrects").get(0).asString()).asDouble();
            double wrong =
                    probabilities.get(item.get("incorrects").get(0).asString()).asDouble();
            boolean isCorrect = right > wrong;
            assertThat(line.get("correct").asBoolean()).isEqualTo(isCorrect);
            correct += isCorrect ? 1 : 0;
            confidenceAndCorrect.add(new double[] {max, isCorrect ? 1 : 0});
        }
        JsonNode summary = lines.getLast();
        assertThat(summary.get("n").asInt()).isEqualTo(limit);
        assertThat(summary.get("accuracy").asDouble()).isCloseTo(correct / (double) limit, within(1e-12));
        // the bins and the ECE, recomputed here from the item lines
        double ece = 0;
        int counted = 0;
        for (int b = 0; b < 10; b++) {
            JsonNode bin = summary.get("bins").get(b);
            int bb = b;
            List<double[]> in = confidenceAndCorrect.stream()
                    .filter(x -> Math.min(9, (int) Math.floor(x[0] * 10)) == bb)
                    .toList();
            assertThat(bin.get("count").asInt()).isEqualTo(in.size());
            counted += in.size();
            if (!in.isEmpty()) {
                double conf = in.stream().mapToDouble(x -> x[0]).average().orElseThrow();
                double acc = in.stream().mapToDouble(x -> x[1]).average().orElseThrow();
                assertThat(bin.get("mean_confidence").asDouble()).isCloseTo(conf, within(1e-12));
                assertThat(bin.get("accuracy").asDouble()).isCloseTo(acc, within(1e-12));
                ece += in.size() / (double) limit * Math.abs(acc - conf);
            }
        }
        assertThat(counted).isEqualTo(limit);
        assertThat(summary.get("ece").asDouble()).isCloseTo(ece, within(1e-12));
        // two options: the top probability is at least 1/2, the lower bins stay empty
        for (int b = 0; b < 5; b++) {
            assertThat(summary.get("bins").get(b).get("count").asInt()).isZero();
        }
        // the first item's probabilities from an independent forward pass over the joint encoding
        JsonNode first = JSON.readTree(fileLines.getFirst());
        String prompt = first.get("prompt").asString();
        String b = first.get("corrects").get(0).asString();
        String a = first.get("incorrects").get(0).asString();
        try (CausalLm lm = CausalLm.load(model)) {
            double lb = jointLogProb(lm, prompt, b);
            double la = jointLogProb(lm, prompt, a);
            double pb = Math.exp(lb) / (Math.exp(la) + Math.exp(lb));
            assertThat(lines.getFirst().get("probabilities").get(b).asDouble()).isCloseTo(pb, within(1e-6));
        }
    }

    @Test
    void chainOfThoughtReasonsAndClampsToTheLabellingBand() throws Exception {
        Path file = hhhFile();
        Run run = run(
                "eval",
                "--model",
                model.toString(),
                "--input",
                file.toString(),
                "--limit",
                "2",
                "--cot",
                "--reasoning-samples",
                "2",
                "--reasoning-tokens",
                "6",
                "--seed",
                "3");

        assertThat(run.rc).as(run.err).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(3);
        for (JsonNode line : lines.subList(0, 2)) {
            assertThat(line.get("reasonings")).hasSize(2);
            assertThat(line.get("probabilities").get(" (A)").asDouble()).isBetween(0.4, 0.6);
            assertThat(line.get("probabilities").get(" (A)").asDouble()
                            + line.get("probabilities").get(" (B)").asDouble())
                    .isCloseTo(1, within(1e-12));
        }
        assertThat(run(
                                "eval",
                                "--model",
                                model.toString(),
                                "--input",
                                file.toString(),
                                "--limit",
                                "2",
                                "--cot",
                                "--reasoning-samples",
                                "2",
                                "--reasoning-tokens",
                                "6",
                                "--seed",
                                "3")
                        .out)
                .isEqualTo(run.out);
    }

    @Test
    void chainOfThoughtFewShotsComeFromAConstitutionFile() throws Exception {
        Path file = hhhFile();
        Run run = run(
                "eval",
                "--model",
                model.toString(),
                "--input",
                file.toString(),
                "--limit",
                "1",
                "--cot",
                "--reasoning-tokens",
                "4",
                "--constitution",
                "constitution/default.yaml");

        assertThat(run.rc).as(run.err).isZero();
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().getFirst().get("reasonings")).hasSize(1);
        assertThat(run(
                                "eval",
                                "--model",
                                model.toString(),
                                "--input",
                                file.toString(),
                                "--constitution",
                                "constitution/default.yaml")
                        .err)
                .contains("--constitution only matters with --cot");
    }

    @Test
    void badInputStopsWithFileLineAndProblemBeforeAnyOutput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, """
                {"prompt": "hello", "corrects": [" good"], "incorrects": [" bad"]}
                {"prompt": "hello", "corrects": [" good"], "incorrects": [" good"]}
                """);
        Run run = run("eval", "--model", model.toString(), "--input", file.toString());

        assertThat(run.rc).isEqualTo(1);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains(file + ", line 2: the option \" good\" is in both corrects and incorrects");
        assertThat(run("eval", "--input", file.toString()).rc).isEqualTo(2);
    }

    static double jointLogProb(CausalLm lm, String prompt, String option) {
        long[] p = lm.tokenizer().encode(prompt, true);
        long[] ids = lm.tokenizer().encode(prompt + option, true);
        assertThat(Arrays.copyOf(ids, p.length)).isEqualTo(p);
        int vocab = lm.model().config().vocabSize();
        float[] logits;
        JniUtils.setGradMode(false);
        try (NDScope ignored = new NDScope()) {
            int[][] mask = new int[1][ids.length];
            Arrays.fill(mask[0], 1);
            logits = lm.model()
                    .forward(new long[][] {ids}, mask, null, ids.length)
                    .toFloatArray();
        }
        double sum = 0;
        for (int t = p.length; t < ids.length; t++) {
            int at = (t - 1) * vocab;
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < vocab; v++) {
                max = Math.max(max, logits[at + v]);
            }
            double z = 0;
            for (int v = 0; v < vocab; v++) {
                z += Math.exp(logits[at + v] - max);
            }
            sum += logits[at + (int) ids[t]] - max - Math.log(z);
        }
        return sum;
    }

    record Run(int rc, String out, String err) {
        List<JsonNode> lines() {
            return out.lines().map(JSON::readTree).toList();
        }
    }

    static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int rc = CommandLineTools.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
