package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Garbage collections between a forward pass and its backward pass change nothing (decision 0150, 2026-12-03
 * section): DJL's {@code x.mul(float)} put the number in a Java direct buffer that autograd kept after DJL dropped it,
 * so a GC in between freed it and the backward pass read reused memory. These tests free and reuse such memory on
 * purpose; before the fix the first saw the wrong gradient in 19 of 20 tries, and trainings under GC churn all ended
 * with different weights.
 */
@ExtendWith(SingleTorchThread.class)
class GarbageCollectionDuringTrainingTest {

    @Test
    void aScalarOperandKeptByAutogradSurvivesAGarbageCollectionBeforeBackward() throws Exception {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            for (int attempt = 0; attempt < 5; attempt++) {
                try (NDScope ignored = new NDScope();
                        GradMode.Restore grad = GradMode.set(true)) {
                    NDArray x = manager.create(new float[] {1, 2, 3, 4});
                    x.setRequiresGradient(true);
                    NDArray scale = TorchMemory.scalar(manager, 3);
                    NDArray loss = x.mul(scale).sum();
                    scale.close(); // as DJL does with the tensor of x.mul(3f)
                    freeAndReuseSmallNativeBuffers();
                    Autograd.backward(loss);
                    assertThat(x.getGradient().toFloatArray()).containsExactly(3f, 3f, 3f, 3f);
                }
            }
        }
    }

    @Test
    void trainingWhileOtherThreadsCollectGarbageGivesTheWeightsOfAQuietRun() throws Exception {
        Map<String, float[]> quiet = train(TestModels.llamaGqa(), 12);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread churn = new Thread(() -> {
            while (running.get()) {
                freeAndReuseSmallNativeBuffers();
            }
        });
        churn.start();
        try {
            Map<String, float[]> busy = train(TestModels.llamaGqa(), 12);
            assertThat(busy.keySet()).containsExactlyElementsOf(quiet.keySet());
            quiet.forEach((name, values) -> assertThat(busy.get(name)).as(name).containsExactly(values));
        } finally {
            running.set(false);
            churn.join();
        }
    }

    /** Drops small direct buffers, collects them, and fills memory that malloc hands out again with 7s. */
    private static void freeAndReuseSmallNativeBuffers() {
        List<ByteBuffer> junk = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            junk.add(ByteBuffer.allocateDirect(4));
        }
        junk.clear();
        System.gc();
        for (int i = 0; i < 2000; i++) {
            junk.add(ByteBuffer.allocateDirect(4).putFloat(0, 7f));
        }
    }

    /**
     * Trains a model of {@code config} from fixed random weights on fixed random batches; returns its weights (also
     * the training loop of {@link DeterminismProbe}).
     */
    static Map<String, float[]> train(LlamaConfig config, int steps) {
        TrainingConfig training = TrainingConfig.builder()
                .setTotalSteps(steps)
                .optLearningRate(3e-3)
                .optWarmupSteps(2)
                .optWeightDecay(0.01)
                .optMicroBatchSize(1)
                .build();
        try (LlamaModel model = LlamaModel.fromTensors(config, TinyModels.randomTensors(config, 5), Device.cpu());
                Trainer trainer = new Trainer(model, training)) {
            Random random = new Random(11);
            for (int s = 0; s < steps; s++) {
                List<TrainingExample> batch = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    batch.add(TrainingExample.promptCompletion(
                            TestModels.randomIds(random, 5 + random.nextInt(20), config.vocabSize()),
                            TestModels.randomIds(random, 4 + random.nextInt(12), config.vocabSize())));
                }
                trainer.step(batch);
            }
            Map<String, float[]> weights = new LinkedHashMap<>();
            model.parameters().forEach((name, p) -> weights.put(name, p.toFloatArray()));
            return weights;
        }
    }
}
