package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDScope;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cailab.dialogue.Conversation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-place KV cache and iteration-level batching: rows join and leave a running batch at any step. */
@org.junit.jupiter.api.extension.ExtendWith(SingleTorchThread.class)
class ContinuousBatchingTest {

    @TempDir
    static Path dir;

    static CausalLm lm;

    @BeforeAll
    static void load() throws IOException {
        TinyLmFixture.create(dir, TestModels.llamaGqa(), 41);
        lm = CausalLm.load(dir);
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void inPlaceCacheEqualsFullForwardAcrossGrowthRemovalAndJoins() {
        LlamaConfig config = TestModels.llamaGqa();
        Random random = new Random(9);
        int length = KvCache.BLOCK * 2 + 11; // grows twice
        long[] a = TestModels.randomIds(random, length, config.vocabSize());
        long[] b = TestModels.randomIds(random, 30, config.vocabSize());
        long[] c = TestModels.randomIds(random, 20, config.vocabSize());
        try (LlamaModel model = LlamaModel.fromTensors(config, TinyModels.randomTensors(config, 5), Device.cpu());
                KvCache cache = model.newCache(0)) {
            float[][] fullA = TestModels.logits(model, new long[][] {a})[0];
            float[][] fullB = TestModels.logits(model, new long[][] {b})[0];
            float[][] fullC = TestModels.logits(model, new long[][] {c})[0];
            // row A prefills 7 tokens, B joins after 20 steps, C joins (as a longer prefill than the batch) later,
            // B leaves in the middle; every logit must equal the full forward of that row alone
            float max = 0;
            max = Math.max(max, join(model, cache, a, 7, fullA));
            int posA = 7;
            int posB = -1;
            int posC = -1;
            for (int step = 0; posA < length; step++) {
                if (step == 20) {
                    max = Math.max(max, join(model, cache, b, 5, fullB));
                    posB = 5;
                }
                if (step == 40) {
                    cache.remove(1); // B leaves: its slot is freed
                    posB = -1;
                }
                if (step == 45) {
                    max = Math.max(max, join(model, cache, c, 4, fullC));
                    posC = 4;
                }
                List<long[]> tokens = new ArrayList<>();
                List<float[]> expected = new ArrayList<>();
                tokens.add(new long[] {a[posA]});
                expected.add(fullA[posA++]);
                if (posB >= 0) {
                    tokens.add(new long[] {b[posB]});
                    expected.add(fullB[posB++]);
                }
                if (posC >= 0 && posC < c.length) {
                    tokens.add(new long[] {c[posC]});
                    expected.add(fullC[posC++]);
                } else if (posC >= c.length) {
                    cache.remove(cache.batchSize() - 1);
                    posC = -1;
                }
                assertThat(cache.batchSize()).isEqualTo(tokens.size());
                int[][] ones = new int[tokens.size()][1];
                for (int[] row : ones) {
                    row[0] = 1;
                }
                float[] logits;
                try (NDScope ignored = new NDScope()) {
                    logits = model.forward(tokens.toArray(long[][]::new), ones, cache, 1)
                            .toFloatArray();
                }
                int vocab = config.vocabSize();
                for (int r = 0; r < tokens.size(); r++) {
                    max = Math.max(
                            max,
                            TestModels.maxAbsDiff(
                                    expected.get(r), Arrays.copyOfRange(logits, r * vocab, (r + 1) * vocab)));
                }
            }
            assertThat(cache.capacity()).as("grown in blocks").isGreaterThanOrEqualTo(2 * KvCache.BLOCK);
            assertThat(max).as("max |cached - full|").isLessThan(1e-4f);
        }
    }

    /** Prefills the first n ids of a row in a cache of its own and moves it into the batch's cache. */
    private static float join(LlamaModel model, KvCache cache, long[] ids, int n, float[][] full) {
        int vocab = model.config().vocabSize();
        try (KvCache own = model.newCache(1);
                NDScope ignored = new NDScope()) {
            int[][] mask = new int[1][n];
            Arrays.fill(mask[0], 1);
            float[] logits = model.forward(new long[][] {Arrays.copyOf(ids, n)}, mask, own, n)
                    .toFloatArray();
            float max = 0;
            for (int i = 0; i < n; i++) {
                max = Math.max(
                        max, TestModels.maxAbsDiff(full[i], Arrays.copyOfRange(logits, i * vocab, (i + 1) * vocab)));
            }
            cache.absorb(own);
            return max;
        }
    }

    static GenerationOptions.Builder options() {
        return GenerationOptions.builder().optStopSequences(List.of()).optStopAtEos(false);
    }

    @Test
    void eachRowGetsItsAloneTokensWhileRowsJoinAndLeave() {
        List<GenerationRequest> requests = List.of(
                GenerationRequest.of(
                        "Hi", options().optTemperature(0).optMaxNewTokens(9).build()),
                GenerationRequest.of(
                        Conversation.singleTurnPrompt("What does the cat do?"),
                        options().optSeed(7L).optTopK(40).optMaxNewTokens(14).build()),
                GenerationRequest.of(
                        "The teacher",
                        options().optSeed(8L).optTopP(0.9).optMaxNewTokens(3).build()),
                GenerationRequest.of(
                        Conversation.singleTurnPrompt("What does a robot build? Tell me."),
                        options().optTemperature(0).optMaxNewTokens(11).build()),
                GenerationRequest.of(
                        "What", options().optSeed(9L).optMaxNewTokens(6).build()));
        List<Generation> alone =
                requests.stream().map(r -> lm.generate(List.of(r)).getFirst()).toList();
        Generator generator = lm.generator();
        List<GenerationRow> rows = requests.stream().map(generator::row).toList();
        try (RunningBatch batch = new RunningBatch(lm.model(), 3)) {
            batch.join(List.of(rows.get(0), rows.get(1)));
            batch.step();
            batch.step();
            batch.join(List.of(rows.get(2))); // a short prompt joins a batch with longer history
            batch.step();
            batch.join(List.of(rows.get(3))); // a longer prompt than the batch's columns so far
            // preemption: row 1 leaves mid-way and rejoins later from prompt + its tokens so far
            batch.remove(rows.get(1));
            batch.step();
            batch.step();
            batch.join(List.of(rows.get(1), rows.get(4)));
            while (batch.size() > 0) {
                batch.step();
            }
        }
        for (int i = 0; i < requests.size(); i++) {
            Generation g = rows.get(i).result();
            assertThat(g.tokenIds())
                    .as("row %d", i)
                    .containsExactly(alone.get(i).tokenIds());
            assertThat(g.text()).isEqualTo(alone.get(i).text());
        }
        assertThat(rows.get(1).result().batchSize()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aTooLongPromptIsCutFromTheLeftAndTheAnswerStopsAtTheContext() throws IOException {
        LlamaConfig base = lm.model().config();
        LlamaConfig small = LlamaConfig.builder()
                .setVocabSize(base.vocabSize())
                .setHiddenSize(base.hiddenSize())
                .setIntermediateSize(base.intermediateSize())
                .setNumLayers(base.numLayers())
                .setNumHeads(base.numHeads())
                .optNumKvHeads(base.numKvHeads())
                .optBosTokenId(0L)
                .optEosTokenIds(List.of(0L))
                .optMaxPositionEmbeddings(24)
                .build();
        try (CausalLm shortLm = CausalLm.of(
                LlamaModel.fromTensors(small, TinyModels.randomTensors(small, 41), Device.cpu()),
                TextTokenizer.load(dir))) {
            long[] prompt = new long[40];
            prompt[0] = 0; // BOS stays
            for (int i = 1; i < prompt.length; i++) {
                prompt[i] = 5 + i;
            }
            GenerationOptions greedy =
                    options().optTemperature(0).optMaxNewTokens(8).build();
            Generation cut = shortLm.generate(List.of(GenerationRequest.ofIds(prompt, greedy)))
                    .getFirst();
            assertThat(cut.promptTokens()).isEqualTo(24 - 8);
            assertThat(cut.promptTokensDropped()).isEqualTo(40 - 16);
            long[] kept = new long[16];
            kept[0] = 0;
            System.arraycopy(prompt, 40 - 15, kept, 1, 15);
            Generation direct = shortLm.generate(List.of(GenerationRequest.ofIds(kept, greedy)))
                    .getFirst();
            assertThat(cut.tokenIds()).containsExactly(direct.tokenIds());
            assertThat(direct.promptTokensDropped()).isZero();
            // an answer budget beyond the context: half the context stays for the prompt, the answer stops at the end
            Generation longAnswer = shortLm.generate(List.of(GenerationRequest.ofIds(
                            prompt,
                            options().optTemperature(0).optMaxNewTokens(100).build())))
                    .getFirst();
            assertThat(longAnswer.promptTokens()).isEqualTo(12);
            assertThat(longAnswer.tokenIds()).hasSize(24 - 12);
            assertThat(longAnswer.finishReason()).isEqualTo(FinishReason.MAX_TOKENS);
        }
    }
}
