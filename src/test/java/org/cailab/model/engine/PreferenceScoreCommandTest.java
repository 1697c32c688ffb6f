package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cailab.cli.CommandLineTools;
import org.cailab.dialogue.Conversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

@ExtendWith(SingleTorchThread.class)
class PreferenceScoreCommandTest {

    @TempDir
    Path dir;

    @Test
    void scoresEachLineAndKeepsItsFields() throws IOException {
        Path pmDir = preferenceModel();
        List<String> conversations =
                List.of(Conversation.singleTurnPrompt("What does the cat do?"), Conversation.singleTurnPrompt("Hi"));
        List<String> responses = List.of(" The cat reads a book.", " Hello there.");
        float[] expected;
        try (PreferenceModel pm = PreferenceModel.load(pmDir)) {
            expected = pm.score(conversations, responses);
        }
        Path input = dir.resolve("in.jsonl");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            text.append(Json.MAPPER.writeValueAsString(Json.MAPPER
                            .createObjectNode()
                            .put("id", "row" + i)
                            .put("conversation", conversations.get(i))
                            .put("response", responses.get(i))))
                    .append('\n');
        }
        Files.writeString(input, text + "\n");
        Result r = run("pm", "score", "--model", pmDir.toString(), "--input", input.toString(), "--batch", "1");
        assertThat(r.rc).as(r.err).isZero();
        List<String> lines = r.out.lines().toList();
        assertThat(lines).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode line = Json.MAPPER.readTree(lines.get(i));
            assertThat(line.get("id").asString()).isEqualTo("row" + i);
            assertThat(line.get("response").asString()).isEqualTo(responses.get(i));
            // scored one row per batch here, both rows in one padded batch above: equal up to float rounding
            assertThat(line.get("score").floatValue())
                    .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void aBadLineIsNamedAndNothingIsPrinted() throws IOException {
        Path pmDir = preferenceModel();
        Path input = dir.resolve("bad.jsonl");
        Files.writeString(
                input,
                "{\"conversation\":\"\\n\\nHuman: Hi\\n\\nAssistant:\",\"response\":\" Hi.\"}\n"
                        + "{\"conversation\":\"x\"}\n");
        Result r = run("pm", "score", "--model", pmDir.toString(), "--input", input.toString());
        assertThat(r.rc).isEqualTo(1);
        assertThat(r.out).isEmpty();
        assertThat(r.err).contains("line 2").contains("\"response\"");
        assertThat(run("pm", "score", "--input", input.toString()).rc).isEqualTo(2);
    }

    private Path preferenceModel() throws IOException {
        Path base = dir.resolve("base");
        TinyLmFixture.create(base, TestModels.llamaGqa(), 31);
        Path pmDir = dir.resolve("pm");
        try (PreferenceModel pm = PreferenceModel.initialize(base, Device.cpu(), 2)) {
            pm.save(pmDir);
        }
        for (String f : List.of("tokenizer.json", "tokenizer_config.json")) {
            if (Files.exists(base.resolve(f))) {
                Files.copy(base.resolve(f), pmDir.resolve(f));
            }
        }
        return pmDir;
    }

    private record Result(int rc, String out, String err) {}

    private static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int rc = CommandLineTools.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
