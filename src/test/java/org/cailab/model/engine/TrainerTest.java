package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cailab.dialogue.Conversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.extension.ExtendWith(SingleTorchThread.class)
class TrainerTest {

    @TempDir
    Path dir;

    @Test
    void trainingLowersTheLossAndTheCheckpointReloadsToIdenticalLogits() throws IOException {
        Path base = dir.resolve("base");
        TinyLmFixture.create(base, TestModels.llamaGqa(), 41);
        Path checkpoint = dir.resolve("checkpoint");
        long[][] probe = new long[1][];
        float[][][] trainedLogits;
        double before;
        double after;
        try (CausalLm lm = CausalLm.load(base)) {
            List<TrainingExample> examples = examples(lm.tokenizer(), 160);
            List<TrainingExample> heldOut = examples(lm.tokenizer(), 16);
            int steps = 250;
            TrainingConfig config = TrainingConfig.builder()
                    .setTotalSteps(steps)
                    .optLearningRate(3e-3)
                    .optWarmupSteps(20)
                    .optWeightDecay(0.01)
                    .optMicroBatchSize(4)
                    .build();
            try (Trainer trainer = new Trainer(lm.model(), config)) {
                before = trainer.evaluate(heldOut);
                Random random = new Random(1);
                TrainStepResult last = null;
                for (int s = 0; s < steps; s++) {
                    last = trainer.step(sample(examples, 8, random));
                }
                after = trainer.evaluate(heldOut);
                assertThat(last.step()).isEqualTo(steps);
                assertThat(last.gradNorm()).isPositive();
                trainer.saveCheckpoint(checkpoint, base);
            }
            probe[0] = lm.tokenizer().encode(Conversation.singleTurnPrompt("What does the cat do?"), true);
            trainedLogits = TestModels.logits(lm.model(), probe);
            // the trained model now continues the dialogue pattern
            String reply = lm.generate(
                            Conversation.singleTurnPrompt("What does my dog do?"),
                            GenerationOptions.builder()
                                    .optTemperature(0)
                                    .optMaxNewTokens(12)
                                    .build())
                    .text();
            assertThat(reply).startsWith(" My dog");
        }
        assertThat(after).as("held-out loss %.3f -> %.3f", before, after).isLessThan(before * 0.4);
        assertThat(Files.list(checkpoint).map(p -> p.getFileName().toString()).toList())
                .contains(
                        "config.json",
                        "model.safetensors",
                        "tokenizer.json",
                        Trainer.STATE_FILE,
                        Trainer.OPTIMIZER_FILE);
        try (CausalLm reloaded = CausalLm.load(checkpoint)) {
            float[][][] reloadedLogits = TestModels.logits(reloaded.model(), probe);
            for (int i = 0; i < probe[0].length; i++) {
                assertThat(TestModels.maxAbsDiff(trainedLogits[0][i], reloadedLogits[0][i]))
                        .isZero();
            }
        }
        try (SafetensorsReader reader = SafetensorsReader.open(checkpoint.resolve("model.safetensors"))) {
            assertThat(reader.metadata()).containsEntry("format", "pt");
        }
    }

    @Test
    void resumingFromACheckpointContinuesExactly() throws IOException {
        LlamaConfig config = TestModels.qwen2Tied();
        TrainingConfig training = TrainingConfig.builder()
                .setTotalSteps(6)
                .optLearningRate(1e-2)
                .optWarmupSteps(2)
                .optMicroBatchSize(2)
                .optMaxGradNorm(0.5)
                .build();
        Random random = new Random(3);
        List<List<TrainingExample>> batches = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            List<TrainingExample> batch = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                batch.add(TrainingExample.promptCompletion(
                        TestModels.randomIds(random, 4, config.vocabSize()),
                        TestModels.randomIds(random, 3 + i, config.vocabSize())));
            }
            batches.add(batch);
        }
        Path checkpoint = dir.resolve("step3");
        long[][] probe = {{1, 2, 3, 4, 5}};
        float[][][] continued;
        try (LlamaModel model = LlamaModel.fromTensors(config, TinyModels.randomTensors(config, 9), Device.cpu());
                Trainer trainer = new Trainer(model, training)) {
            for (int s = 0; s < 6; s++) {
                trainer.step(batches.get(s));
                if (s == 2) {
                    trainer.saveCheckpoint(checkpoint, null);
                }
            }
            continued = TestModels.logits(model, probe);
        }
        try (LlamaModel model = LlamaModel.load(checkpoint);
                Trainer trainer = Trainer.resume(model, training, checkpoint)) {
            assertThat(trainer.step()).isEqualTo(3);
            for (int s = 3; s < 6; s++) {
                assertThat(trainer.step(batches.get(s)).step()).isEqualTo(s + 1);
            }
            float[][][] resumed = TestModels.logits(model, probe);
            for (int i = 0; i < probe[0].length; i++) {
                assertThat(TestModels.maxAbsDiff(continued[0][i], resumed[0][i]))
                        .isLessThan(1e-5f);
            }
        }
    }

    @Test
    void anyDifferentiableLossCanBeTrained() {
        LlamaConfig config = TestModels.llamaGqa();
        long[][] ids = {{3, 4, 5, 6}};
        int target = 42;
        MicroBatchLoss<long[]> raiseTarget = (model, micro, all) -> {
            var logits = model.forward(micro.toArray(long[][]::new), new int[][] {{1, 1, 1, 1}}, null, 1);
            return logits.logSoftmax(-1).get("..., " + target).mean().neg();
        };
        try (LlamaModel model = LlamaModel.fromTensors(config, TinyModels.randomTensors(config, 2), Device.cpu());
                Trainer trainer = new Trainer(
                        model,
                        TrainingConfig.builder()
                                .setTotalSteps(20)
                                .optLearningRate(1e-2)
                                .build())) {
            double first = trainer.step(List.of(ids[0]), raiseTarget).loss();
            double last = first;
            for (int i = 0; i < 19; i++) {
                last = trainer.step(List.of(ids[0]), raiseTarget).loss();
            }
            assertThat(last).isLessThan(first / 4);
        }
    }

    @Test
    void learningRateScheduleWarmsUpAndDecays() {
        TrainingConfig cosine = TrainingConfig.builder()
                .setTotalSteps(110)
                .optLearningRate(1.0)
                .optWarmupSteps(10)
                .optMinLearningRateRatio(0.1)
                .build();
        assertThat(cosine.learningRate(0)).isEqualTo(0.1);
        assertThat(cosine.learningRate(9)).isEqualTo(1.0);
        assertThat(cosine.learningRate(60)).isCloseTo(0.55, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cosine.learningRate(110)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(LrSchedule.LINEAR.rate(60, 1.0, 10, 110, 0))
                .isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    static List<TrainingExample> examples(TextTokenizer tokenizer, int count) {
        List<TrainingExample> out = new ArrayList<>();
        for (String line : TinyLmFixture.corpus(count)) {
            int split = line.indexOf("\n\nAssistant:") + "\n\nAssistant:".length();
            out.add(TrainingExample.promptCompletion(
                    tokenizer.encode(line.substring(0, split), true), tokenizer.encode(line.substring(split))));
        }
        return out;
    }

    static List<TrainingExample> sample(List<TrainingExample> examples, int n, Random random) {
        List<TrainingExample> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(examples.get(random.nextInt(examples.size())));
        }
        return batch;
    }
}
