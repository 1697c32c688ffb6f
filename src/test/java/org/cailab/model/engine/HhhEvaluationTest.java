package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SingleTorchThread.class)
class HhhEvaluationTest {

    private static final Path PAPER_FILE = Path.of("../shared/data/cai-paper/evals/438HHHEvaluations.jsonl");

    @TempDir
    Path dir;

    @Test
    void accuracyCountsThePairsWhoseCorrectTranscriptScoresHigher() throws IOException {
        Path base = dir.resolve("base");
        TinyLmFixture.create(base, TestModels.llamaGqa(), 12);
        Path file = dir.resolve("hhh.jsonl");
        String a = "\\n\\nHuman: What does the cat do?\\n\\nAssistant: The cat reads a book.";
        String b = "\\n\\nHuman: What does the cat do?\\n\\nAssistant: No.";
        Files.writeString(
                file,
                "{\"text_correct\":\"" + a + "\",\"text_incorrect\":\"" + b + "\"}\n\n" + "{\"text_correct\":\"" + b
                        + "\",\"text_incorrect\":\"" + a + "\"}\n");
        List<HhhEvaluation.Comparison> comparisons = HhhEvaluation.read(file);
        assertThat(comparisons).hasSize(2);
        try (PreferenceModel pm = PreferenceModel.initialize(base, Device.cpu(), 5)) {
            float[] s = pm.score(
                    List.of(
                            comparisons.getFirst().correct(),
                            comparisons.getFirst().incorrect()),
                    List.of("", ""));
            HhhEvaluation.Result result = HhhEvaluation.evaluate(pm, comparisons, 4, 512);
            assertThat(result.comparisons()).isEqualTo(2);
            // the same two transcripts in both orders: exactly one order wins unless they tie
            assertThat(result.accuracy()).isEqualTo(s[0] == s[1] ? 0.0 : 0.5);
        }
        Files.writeString(file, "{\"text_correct\":\"x\"}\n");
        assertThatThrownBy(() -> HhhEvaluation.read(file)).hasMessageContaining("line 1");
    }

    @Test
    void readsThePapersFile() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(PAPER_FILE), PAPER_FILE + " is absent (reference data)");
        List<HhhEvaluation.Comparison> comparisons = HhhEvaluation.read(PAPER_FILE);
        assertThat(comparisons).hasSize(438);
        assertThat(comparisons).allSatisfy(c -> assertThat(c.correct()).startsWith("\n\nHuman:"));
    }
}
