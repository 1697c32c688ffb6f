package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.cailab.dialogue.Conversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@ExtendWith(SingleTorchThread.class)
class PreferenceModelTest {

    @TempDir
    Path dir;

    @Test
    void pairLossEqualsTheFormulaForHardAndSoftLabels() {
        double[] differences = {-30, -3, -0.2, 0, 0.7, 4, 25};
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            for (double p : new double[] {0, 0.3, 0.5, 1}) {
                float[] ra = new float[differences.length];
                float[] rb = new float[differences.length];
                float[] ps = new float[differences.length];
                for (int i = 0; i < differences.length; i++) {
                    ra[i] = (float) (0.25 + differences[i]);
                    rb[i] = 0.25f;
                    ps[i] = (float) p;
                }
                NDArray losses = PreferenceLoss.pairLosses(m.create(ra), m.create(rb), m.create(ps));
                float[] got = losses.toFloatArray();
                for (int i = 0; i < differences.length; i++) {
                    double d = (double) ra[i] - rb[i];
                    // straight from the definition: -(p log sigmoid(d) + (1 - p) log sigmoid(-d))
                    double expected =
                            -(p * Math.log(1 / (1 + Math.exp(-d))) + (1 - p) * Math.log(1 / (1 + Math.exp(d))));
                    assertThat((double) got[i])
                            .as("p=%s d=%s", p, d)
                            .isCloseTo(expected, Offset.offset(1e-5 + 1e-6 * expected));
                }
            }
        }
    }

    @Test
    void aTrainingStepReportsTheMeanPairLossOfTheModelsRewards() {
        LlamaConfig config = TestModels.llamaGqa();
        Random random = new Random(5);
        List<PreferenceExample> batch = new ArrayList<>();
        double[] ps = {0, 0.3, 0.5, 1, 0.3};
        for (double p : ps) {
            batch.add(new PreferenceExample(
                    TestModels.randomIds(random, 6, config.vocabSize()),
                    TestModels.randomIds(random, 4, config.vocabSize()),
                    p));
        }
        try (PreferenceModel pm = PreferenceModel.fromTensors(
                        config, TinyModels.randomTensors(config, 3), randomHead(config.hiddenSize(), 3), Device.cpu());
                Trainer trainer = new Trainer(
                        pm,
                        TrainingConfig.builder()
                                .setTotalSteps(1)
                                .optMicroBatchSize(2)
                                .build())) {
            List<long[]> sequences = new ArrayList<>();
            batch.forEach(e -> sequences.add(e.a()));
            batch.forEach(e -> sequences.add(e.b()));
            float[] rewards = pm.scoreIds(sequences, 3);
            double expected = 0;
            for (int i = 0; i < ps.length; i++) {
                double d = (double) rewards[i] - rewards[ps.length + i];
                expected += -(ps[i] * Math.log(1 / (1 + Math.exp(-d))) + (1 - ps[i]) * Math.log(1 / (1 + Math.exp(d))));
            }
            expected /= ps.length;
            TrainStepResult step = trainer.step(batch, PreferenceLoss.of(pm));
            assertThat(step.loss()).isCloseTo(expected, Offset.offset(1e-5));
            assertThat(PreferenceLoss.evaluate(pm, batch, 4).loss()).isNotEqualTo(expected);
        }
    }

    @Test
    void learnsThatResponsesWithTheMarkerWordAreBetter() throws IOException {
        Path base = dir.resolve("base");
        TinyLmFixture.create(base, TestModels.llamaGqa(), 17);
        try (PreferenceModel pm = PreferenceModel.initialize(base, Device.cpu(), 1)) {
            List<PreferenceExample> train = markerPairs(pm, 240, new Random(1));
            List<PreferenceExample> heldOut = markerPairs(pm, 60, new Random(2));
            int steps = 160;
            try (Trainer trainer = new Trainer(
                    pm,
                    TrainingConfig.builder()
                            .setTotalSteps(steps)
                            .optLearningRate(2e-3)
                            .optWarmupSteps(10)
                            .optMicroBatchSize(8)
                            .build())) {
                double before = PreferenceLoss.evaluate(pm, heldOut, 16).accuracy();
                Random random = new Random(3);
                for (int s = 0; s < steps; s++) {
                    List<PreferenceExample> batch = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        batch.add(train.get(random.nextInt(train.size())));
                    }
                    trainer.step(batch, PreferenceLoss.of(pm));
                }
                PreferenceLoss.PreferenceEvaluation after = PreferenceLoss.evaluate(pm, heldOut, 16);
                assertThat(after.decidedPairs()).isEqualTo(heldOut.size());
                assertThat(after.accuracy())
                        .as("held-out accuracy before %.2f", before)
                        .isGreaterThan(0.9);
            }
            String conversation = Conversation.singleTurnPrompt("What does the cat do?");
            float[] s = pm.score(
                    List.of(conversation, conversation),
                    List.of(" The cat kindly reads a book.", " The cat often reads a book."));
            assertThat(s[0]).isGreaterThan(s[1]);
        }
    }

    @Test
    void checkpointFollowsTheTransformersSequenceClassificationLayout() throws IOException {
        Path base = dir.resolve("base");
        LlamaConfig config = TinyLmFixture.create(base, TestModels.llamaGqa(), 23);
        Path saved = dir.resolve("pm");
        float[] head;
        float[] scores;
        List<String> conversations =
                List.of(Conversation.singleTurnPrompt("What does my dog do?"), Conversation.singleTurnPrompt("Hi"));
        List<String> responses = List.of(" My dog paints the garden.", " Hello.");
        try (PreferenceModel pm = PreferenceModel.initialize(base, Device.cpu(), 4);
                Trainer trainer = new Trainer(
                        pm, TrainingConfig.builder().setTotalSteps(2).build())) {
            trainer.step(
                    List.of(new PreferenceExample(
                            pm.encode(conversations.get(0), responses.get(0)),
                            pm.encode(conversations.get(1), responses.get(1)),
                            0.8)),
                    PreferenceLoss.of(pm));
            trainer.saveCheckpoint(saved, base);
            head = pm.scoreWeights();
            scores = pm.score(conversations, responses);
        }
        // an independent reader of the file format: 8-byte little-endian header length, JSON header, raw data
        byte[] file = Files.readAllBytes(saved.resolve("model.safetensors"));
        long headerLength =
                ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        ObjectMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        JsonNode header = json.readTree(new String(file, 8, (int) headerLength, StandardCharsets.UTF_8));
        JsonNode score = header.get("score.weight");
        assertThat(score.get("dtype").asString()).isEqualTo("F32");
        assertThat(score.get("shape").get(0).asInt()).isEqualTo(1);
        assertThat(score.get("shape").get(1).asInt()).isEqualTo(config.hiddenSize());
        int begin = 8 + (int) headerLength + score.get("data_offsets").get(0).asInt();
        ByteBuffer data = ByteBuffer.wrap(file, begin, 4 * config.hiddenSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : head) {
            assertThat(data.getFloat()).isEqualTo(v);
        }
        assertThat(header.has("lm_head.weight")).isFalse();
        assertThat(header.has("model.embed_tokens.weight")).isTrue();
        assertThat(header.has("model.layers.1.mlp.down_proj.weight")).isTrue();
        JsonNode cfg = json.readTree(Files.readString(saved.resolve("config.json")));
        assertThat(cfg.get("architectures").get(0).asString()).isEqualTo("LlamaForSequenceClassification");
        assertThat(cfg.get("architectures").size()).isEqualTo(1);
        assertThat(cfg.get("model_type").asString()).isEqualTo("llama");
        assertThat(cfg.get("num_labels").asInt()).isEqualTo(1);
        assertThat(cfg.get("id2label").size()).isEqualTo(1);
        assertThat(cfg.get("pad_token_id").isIntegralNumber()).isTrue();
        assertThat(cfg.get("hidden_size").asInt()).isEqualTo(config.hiddenSize());
        assertThat(Files.exists(saved.resolve("tokenizer.json"))).isTrue();

        try (PreferenceModel reloaded = PreferenceModel.load(saved)) {
            assertThat(reloaded.score(conversations, responses)).containsExactly(scores);
        }
        assertThatThrownBy(() -> PreferenceModel.load(base))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not a preference model");
        try (PreferenceModel resumedModel = PreferenceModel.load(saved);
                Trainer resumed = Trainer.resume(
                        resumedModel, TrainingConfig.builder().setTotalSteps(2).build(), saved)) {
            assertThat(resumed.step()).isEqualTo(1);
        }
    }

    /** Pairs of the same answer with "kindly" (better) or "often" at the same place; A is the better one half the time. */
    static List<PreferenceExample> markerPairs(PreferenceModel pm, int count, Random random) {
        String[] subjects = {"the cat", "my dog", "a robot", "the teacher", "our team", "the model"};
        String[] verbs = {"likes", "reads", "builds", "cleans", "explains", "paints"};
        String[] objects = {"the house", "a book", "small boxes", "red apples", "the garden", "long stories"};
        List<PreferenceExample> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String s = subjects[random.nextInt(subjects.length)];
            String v = verbs[random.nextInt(verbs.length)];
            String o = objects[random.nextInt(objects.length)];
            String conversation = Conversation.singleTurnPrompt("What does " + s + " do?");
            String subject = Character.toUpperCase(s.charAt(0)) + s.substring(1);
            long[] good = pm.encode(conversation, " " + subject + " kindly " + v + " " + o + ".");
            long[] bad = pm.encode(conversation, " " + subject + " often " + v + " " + o + ".");
            double p = random.nextBoolean() ? 0.9 : 1.0;
            pairs.add(
                    random.nextBoolean()
                            ? new PreferenceExample(good, bad, p)
                            : new PreferenceExample(bad, good, 1 - p));
        }
        return pairs;
    }

    static float[] randomHead(int hidden, long seed) {
        Random random = new Random(seed);
        float[] head = new float[hidden];
        for (int i = 0; i < hidden; i++) {
            head[i] = (float) (random.nextGaussian() * 0.5);
        }
        return head;
    }
}
