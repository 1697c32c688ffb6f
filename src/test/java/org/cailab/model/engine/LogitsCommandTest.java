package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

@org.junit.jupiter.api.extension.ExtendWith(SingleTorchThread.class)
class LogitsCommandTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void create() throws Exception {
        TinyLmFixture.create(dir, TestModels.qwen2Tied(), 51);
    }

    @Test
    void printsTopKLogProbsPerPositionForText() {
        Result r = run("logits", "--model", dir.toString(), "--text", "Hi there", "--top", "3");
        assertThat(r.code).as(r.err).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out);
        int n = json.path("token_ids").size();
        assertThat(n).isPositive();
        assertThat(json.path("tokens").size()).isEqualTo(n);
        assertThat(json.path("positions").size()).isEqualTo(n);
        JsonNode top = json.path("positions").get(0).path("top");
        assertThat(top.size()).isEqualTo(3);
        assertThat(top.get(0).path("logprob").asDouble())
                .isGreaterThanOrEqualTo(top.get(1).path("logprob").asDouble());
    }

    @Test
    void allLogProbsForIdsMatchTheModel() {
        Result r = run("logits", "--model", dir.toString(), "--ids", "5, 6,7");
        assertThat(r.code).as(r.err).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out);
        JsonNode logprobs = json.path("positions").get(2).path("logprobs");
        int vocab = json.path("vocab_size").asInt();
        assertThat(logprobs.size()).isEqualTo(vocab);
        try (LlamaModel model = LlamaModel.load(dir)) {
            float[] logits = TestModels.logits(model, new long[][] {{5, 6, 7}})[0][2];
            double[] expected = ScoringTest.logSoftmax(logits);
            for (int v = 0; v < vocab; v++) {
                assertThat(logprobs.get(v).asDouble()).isCloseTo(expected[v], within(1e-5));
            }
        }
    }

    @Test
    void usageErrorsReturnTwo() {
        assertThat(run("logits", "--model", dir.toString()).code).isEqualTo(2);
        assertThat(run("logits", "--text", "x").err).contains("--model is required");
        assertThat(run("logits", "--model", dir.toString(), "--ids", "1,x").err).contains("--ids");
        assertThat(run("logits", "--help").code).isZero();
        assertThat(run("logits", "--model", dir.resolve("nope").toString(), "--ids", "1").code)
                .isEqualTo(1);
    }

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LogitsCommand.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
