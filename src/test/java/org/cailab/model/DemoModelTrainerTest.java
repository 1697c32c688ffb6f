package org.cailab.model;

import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.GenerationOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoModelTrainerTest {

    private static int previousThreads;

    /** One PyTorch thread: spinning OpenMP threads collapse when other processes share the 2 cores. */
    @org.junit.jupiter.api.BeforeAll
    static void oneTorchThread() {
        ai.djl.engine.Engine.getEngine("PyTorch");
        previousThreads = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
    }

    @org.junit.jupiter.api.AfterAll
    static void restoreTorchThreads() {
        ai.djl.pytorch.jni.JniUtils.setNumThreads(previousThreads);
    }

    @Test
    void trainsFromScratchWritesLoadableCheckpointsAndLowersTheLoss(@TempDir Path dir) throws Exception {
        List<Double> losses = new ArrayList<>();
        List<Path> checkpoints = new ArrayList<>();
        DemoModelTrainer.train(dir, 30, List.of(10, 30), 99L, new DemoModelTrainer.Listener() {
            @Override
            public void step(int step, double loss) {
                losses.add(loss);
            }

            @Override
            public void checkpoint(int step, Path checkpoint) {
                checkpoints.add(checkpoint);
            }
        });
        assertThat(losses).hasSize(30);
        double firstFive = losses.subList(0, 5).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double lastFive = losses.subList(25, 30).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(lastFive).as("loss %.3f -> %.3f", firstFive, lastFive).isLessThan(firstFive * 0.8);
        assertThat(checkpoints).extracting(p -> p.getFileName().toString()).containsExactly("step-10", "step-30");
        assertThat(Files.exists(checkpoints.get(1).resolve("tokenizer.json"))).isTrue();
        try (CausalLm lm = CausalLm.load(checkpoints.get(1))) {
            String text = lm.generate("\n\nHuman: How do I make tea?\n\nAssistant:",
                    GenerationOptions.builder().optMaxNewTokens(16).optSeed(1L).build()).text();
            assertThat(text).isNotBlank();
        }
    }

    @Test
    void corpusIsDeterministicAndInThePapersFormat() {
        List<String> a = DemoCorpus.dialogues(50, 3);
        assertThat(a).isEqualTo(DemoCorpus.dialogues(50, 3));
        assertThat(a).allSatisfy(d -> assertThat(d).startsWith("\n\nHuman: ").contains("\n\nAssistant: "));
    }
}
