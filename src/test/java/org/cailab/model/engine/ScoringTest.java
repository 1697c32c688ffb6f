package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cailab.dialogue.Conversation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.extension.ExtendWith(SingleTorchThread.class)
class ScoringTest {

    @TempDir
    static Path dir;

    static CausalLm lm;

    @BeforeAll
    static void load() throws IOException {
        TinyLmFixture.create(dir, TestModels.qwen2Tied(), 21);
        lm = CausalLm.load(dir);
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void batchedScoresEqualALogSoftmaxOfFullForwardLogits() {
        List<ScoringRequest> requests = List.of(
                new ScoringRequest(Conversation.singleTurnPrompt("What does the cat do?"), " The cat reads a book."),
                new ScoringRequest("Hi", " there, how are you doing today?"),
                new ScoringRequest("\n\nHuman: What does our team build?\n\nAssistant: Our team", " builds"),
                new ScoringRequest("Hi", ""));
        List<ContinuationScore> scores = lm.score(requests);
        TextTokenizer tokenizer = lm.tokenizer();
        for (int r = 0; r < requests.size(); r++) {
            long[] prompt = tokenizer.encode(requests.get(r).prompt(), true);
            long[] cont = tokenizer.encode(requests.get(r).continuation());
            long[] all = new long[prompt.length + cont.length];
            System.arraycopy(prompt, 0, all, 0, prompt.length);
            System.arraycopy(cont, 0, all, prompt.length, cont.length);
            float[][] logits = TestModels.logits(lm.model(), new long[][] {all})[0];
            double sum = 0;
            ContinuationScore score = scores.get(r);
            assertThat(score.tokenIds()).containsExactly(cont);
            for (int i = 0; i < cont.length; i++) {
                double expected = logSoftmax(logits[prompt.length + i - 1])[(int) cont[i]];
                assertThat((double) score.tokenLogProbs()[i]).isCloseTo(expected, within(1e-4));
                sum += expected;
            }
            assertThat(score.logProb()).isCloseTo(sum, within(1e-4));
        }
        assertThat(scores.get(3).logProb()).isZero();
    }

    @Test
    void scoresDoNotDependOnBatchSize() {
        List<long[]> prompts = List.of(new long[] {5, 6, 7}, new long[] {8}, new long[] {9, 10, 11, 12, 13});
        List<long[]> conts = List.of(new long[] {20, 21}, new long[] {22, 23, 24, 25}, new long[] {26});
        List<ContinuationScore> together = lm.scoreIds(prompts, conts, 8);
        List<ContinuationScore> alone = lm.scoreIds(prompts, conts, 1);
        for (int i = 0; i < prompts.size(); i++) {
            assertThat(together.get(i).logProb()).isCloseTo(alone.get(i).logProb(), within(1e-4));
        }
    }

    static double[] logSoftmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] - log;
        }
        return out;
    }

    @Test
    void sharedPromptsAreComputedOnceAndScoreAsEachAlone() {
        String labelled =
                Conversation.singleTurnPrompt("Which answer is better? (A) The cat reads. (B) The dog paints.")
                        + " The better answer is";
        String swapped = Conversation.singleTurnPrompt("Which answer is better? (A) The dog paints. (B) The cat reads.")
                + " The better answer is";
        List<ScoringRequest> requests = List.of(
                new ScoringRequest(labelled, " (A)"),
                new ScoringRequest(labelled, " (B)"),
                new ScoringRequest(swapped, " (A)"),
                new ScoringRequest(swapped, " (B)"),
                new ScoringRequest("Hi", " there, how are you doing today?"),
                new ScoringRequest(labelled, " neither of the two, since both are short"),
                new ScoringRequest(swapped, ""));
        List<ContinuationScore> together = lm.score(requests);
        for (int r = 0; r < requests.size(); r++) {
            ContinuationScore alone = lm.score(List.of(requests.get(r))).getFirst();
            ContinuationScore shared = together.get(r);
            assertThat(shared.tokenIds()).containsExactly(alone.tokenIds());
            for (int i = 0; i < alone.tokenLogProbs().length; i++) {
                assertThat((double) shared.tokenLogProbs()[i]).isCloseTo(alone.tokenLogProbs()[i], within(1e-5));
            }
            assertThat(shared.logProb()).isCloseTo(alone.logProb(), within(1e-5));
        }
        // a small batch limit splits the groups across passes and gives the same scores
        List<ContinuationScore> small = lm.scoreIds(
                requests.stream()
                        .map(q -> lm.tokenizer().encode(q.prompt(), true))
                        .toList(),
                requests.stream()
                        .map(q -> lm.tokenizer().encode(q.continuation()))
                        .toList(),
                2);
        for (int r = 0; r < requests.size(); r++) {
            assertThat(small.get(r).logProb()).isCloseTo(together.get(r).logProb(), within(1e-5));
        }
    }
}
