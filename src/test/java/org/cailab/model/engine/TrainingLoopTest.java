package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cailab.dialogue.Conversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SingleTorchThread.class)
class TrainingLoopTest {

    @TempDir
    Path dir;

    @Test
    void dataOrderVisitsEveryExampleOncePerEpochInASeededOrder() {
        DataOrder order = new DataOrder(10, 4, 2, 7);
        assertThat(order.stepsPerEpoch()).isEqualTo(3);
        assertThat(order.totalSteps()).isEqualTo(6);
        for (int epoch = 0; epoch < 2; epoch++) {
            List<Integer> seen = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                for (int i : order.batch(epoch * 3 + s)) {
                    seen.add(i);
                }
            }
            assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
        assertThat(order.batch(5)).hasSize(2);
        assertThat(order.batch(0)).isEqualTo(new DataOrder(10, 4, 2, 7).batch(0));
        assertThat(order.batch(0)).isNotEqualTo(order.batch(3));
        assertThat(order.batch(0)).isNotEqualTo(new DataOrder(10, 4, 2, 8).batch(0));

        DataOrder.Split<Integer> split = DataOrder.split(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 0.2, 1);
        assertThat(split.heldOut()).hasSize(2);
        Set<Integer> all = new HashSet<>(split.train());
        all.addAll(split.heldOut());
        assertThat(all).hasSize(10);
    }

    @Test
    void finetuningOnResponsesLowersTheHeldOutLoss() throws IOException {
        Path base = dir.resolve("base");
        TinyLmFixture.create(base, TestModels.llamaGqa(), 8);
        try (CausalLm lm = CausalLm.load(base)) {
            DataOrder.Split<TrainingExample> split = DataOrder.split(TrainerTest.examples(lm.tokenizer(), 200), 0.1, 3);
            DataOrder order = new DataOrder(split.train().size(), 8, 3, 3);
            TrainingConfig config = TrainingConfig.builder()
                    .setTotalSteps(order.totalSteps())
                    .optLearningRate(3e-3)
                    .optSchedule(LrSchedule.CONSTANT)
                    .optMicroBatchSize(4)
                    .build();
            List<Double> heldOutLoss = new ArrayList<>();
            List<Integer> checkpointSteps = new ArrayList<>();
            try (Trainer trainer = new Trainer(lm.model(), config)) {
                TrainingLoop.Outcome outcome = TrainingLoop.finetuning(
                                new TrainingLoop.Settings(order, 20, 25), trainer)
                        .run(
                                trainer,
                                split.train(),
                                split.heldOut(),
                                new CheckpointStore(dir.resolve("run")),
                                base,
                                new TrainingLoop.Listener() {
                                    @Override
                                    public void evaluated(int step, TrainingLoop.Evaluation e) {
                                        heldOutLoss.add(e.loss());
                                    }

                                    @Override
                                    public void checkpointed(int step, Path checkpoint) {
                                        checkpointSteps.add(step);
                                    }
                                },
                                () -> false);
                assertThat(outcome).isEqualTo(TrainingLoop.Outcome.FINISHED);
            }
            assertThat(heldOutLoss.getLast())
                    .as("held-out loss %s", heldOutLoss)
                    .isLessThan(heldOutLoss.getFirst() * 0.5);
            assertThat(checkpointSteps).containsExactly(25, 50, 69);
            Path last = dir.resolve("run/checkpoint-69");
            assertThat(new CheckpointStore(dir.resolve("run")).latest()).contains(last);
            long[][] probe = {lm.tokenizer().encode(Conversation.singleTurnPrompt("What does our team do?"), true)};
            float[][][] trained = TestModels.logits(lm.model(), probe);
            try (CausalLm reloaded = CausalLm.load(last)) {
                float[][][] again = TestModels.logits(reloaded.model(), probe);
                for (int i = 0; i < probe[0].length; i++) {
                    assertThat(again[0][i]).containsExactly(trained[0][i]);
                }
            }
        }
    }

    @Test
    void aRunResumedFromAMidRunCheckpointEndsWithTheWeightsOfAnUninterruptedRun() throws IOException {
        LlamaConfig config = TestModels.qwen2Tied();
        Random random = new Random(4);
        List<TrainingExample> examples = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            examples.add(TrainingExample.promptCompletion(
                    TestModels.randomIds(random, 3 + i % 3, config.vocabSize()),
                    TestModels.randomIds(random, 2 + i % 4, config.vocabSize())));
        }
        DataOrder order = new DataOrder(examples.size(), 3, 2, 11);
        TrainingConfig training = TrainingConfig.builder()
                .setTotalSteps(order.totalSteps())
                .optLearningRate(1e-2)
                .optWarmupSteps(2)
                .optWeightDecay(0.1)
                .optMicroBatchSize(2)
                .build();
        TrainingLoop.Settings settings = new TrainingLoop.Settings(order, 0, 4);

        Map<String, float[]> uninterrupted;
        try (LlamaModel model = LlamaModel.fromTensors(config, TinyModels.randomTensors(config, 2), Device.cpu());
                Trainer trainer = new Trainer(model, training)) {
            TrainingLoop.finetuning(settings, trainer)
                    .run(
                            trainer,
                            examples,
                            List.of(),
                            new CheckpointStore(dir.resolve("a")),
                            null,
                            new TrainingLoop.Listener() {},
                            () -> false);
            uninterrupted = weights(model);
        }

        CheckpointStore store = new CheckpointStore(dir.resolve("b"));
        try (LlamaModel model = LlamaModel.fromTensors(config, TinyModels.randomTensors(config, 2), Device.cpu());
                Trainer trainer = new Trainer(model, training)) {
            // stopped after step 6: the last checkpoint is step 4, so steps 5 and 6 are done again
            TrainingLoop.Outcome outcome = TrainingLoop.finetuning(settings, trainer)
                    .run(
                            trainer,
                            examples,
                            List.of(),
                            store,
                            null,
                            new TrainingLoop.Listener() {},
                            () -> trainer.step() == 6);
            assertThat(outcome).isEqualTo(TrainingLoop.Outcome.STOPPED);
        }
        assertThat(store.steps()).containsExactly(4);
        List<Integer> resumedSteps = new ArrayList<>();
        Path latest = store.latest().orElseThrow();
        try (LlamaModel model = LlamaModel.load(latest);
                Trainer trainer = Trainer.resume(model, training, latest)) {
            assertThat(trainer.step()).isEqualTo(4);
            TrainingLoop.finetuning(settings, trainer)
                    .run(
                            trainer,
                            examples,
                            List.of(),
                            store,
                            null,
                            new TrainingLoop.Listener() {
                                @Override
                                public void stepped(TrainStepResult r, int total, long tokens, double seconds) {
                                    resumedSteps.add(r.step());
                                }
                            },
                            () -> false);
            assertThat(resumedSteps).containsExactly(5, 6, 7, 8, 9, 10);
            Map<String, float[]> resumed = weights(model);
            uninterrupted.forEach(
                    (name, values) -> assertThat(resumed.get(name)).as(name).containsExactly(values));
        }
        assertThat(store.steps()).containsExactly(4, 8, 10);
    }

    private static Map<String, float[]> weights(LlamaModel model) {
        Map<String, float[]> weights = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> weights.put(name, p.toFloatArray()));
        return weights;
    }
}
