package org.cailab.model;

import org.cailab.model.engine.BpeTokenizerTrainer;
import org.cailab.model.engine.BpeVocabulary;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.LlamaConfig;
import org.cailab.model.engine.TinyModels;
import org.cailab.model.engine.TrainStepResult;
import org.cailab.model.engine.Trainer;
import org.cailab.model.engine.TrainingConfig;
import org.cailab.model.engine.TrainingExample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains a small Llama-style model from scratch on {@link DemoCorpus}: a byte-level BPE tokenizer, a random
 * initialisation, then language-model training with checkpoints at chosen steps. Everything is seeded, so the
 * same settings give the same demo models.
 */
final class DemoModelTrainer {

    /** Called with (step, loss) after every step, and with each checkpoint directory when written. */
    interface Listener {
        void step(int step, double loss);

        void checkpoint(int step, Path dir);
    }

    static final int VOCAB_SIZE = 768;
    private static final int BATCH = 16;

    private DemoModelTrainer() {
    }

    static LlamaConfig config(int vocabSize) {
        return LlamaConfig.builder()
                .setVocabSize(vocabSize)
                .setHiddenSize(128)
                .setIntermediateSize(352)
                .setNumLayers(4)
                .setNumHeads(4)
                .optNumKvHeads(2)
                .optBosTokenId(0L)
                .optEosTokenIds(List.of(0L))
                .build();
    }

    /**
     * @param checkpointSteps steps after which a checkpoint is written to {@code root/step-N}
     */
    static void train(Path root, int totalSteps, List<Integer> checkpointSteps, long seed, Listener listener)
            throws IOException {
        // One intra-op thread: for a model this small it is about as fast as two on an idle machine, and it does
        // not collapse (OpenMP threads spinning) when other processes share the cores. PyTorch's setting is
        // global, so it is restored afterwards.
        ai.djl.engine.Engine.getEngine("PyTorch");
        int previousThreads = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
        try {
            trainWithCurrentThreads(root, totalSteps, checkpointSteps, seed, listener);
        } finally {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(previousThreads);
        }
    }

    private static void trainWithCurrentThreads(Path root, int totalSteps, List<Integer> checkpointSteps, long seed,
                                                Listener listener) throws IOException {
        List<String> corpus = DemoCorpus.dialogues(4000, seed);
        Path base = root.resolve("init");
        Files.createDirectories(base);
        BpeVocabulary vocab = BpeTokenizerTrainer.builder().setVocabSize(VOCAB_SIZE).build().train(corpus);
        vocab.write(base);
        TinyModels.create(base, config(vocab.size()), seed);

        try (CausalLm lm = CausalLm.load(base)) {
            List<TrainingExample> examples = new ArrayList<>(corpus.size());
            for (String dialogue : corpus) {
                long[] ids = lm.tokenizer().encode(dialogue, true);
                long[] withEos = java.util.Arrays.copyOf(ids, ids.length + 1); // learn to end after a reply
                withEos[ids.length] = 0L;
                examples.add(TrainingExample.allTokens(withEos));
            }
            TrainingConfig config = TrainingConfig.builder().setTotalSteps(totalSteps).optLearningRate(3e-3)
                    .optWarmupSteps(Math.max(1, totalSteps / 20)).optWeightDecay(0.01).optMicroBatchSize(BATCH).build();
            Random random = new Random(seed);
            try (Trainer trainer = new Trainer(lm.model(), config)) {
                for (int s = 1; s <= totalSteps; s++) {
                    List<TrainingExample> batch = new ArrayList<>(BATCH);
                    for (int i = 0; i < BATCH; i++) {
                        batch.add(examples.get(random.nextInt(examples.size())));
                    }
                    TrainStepResult result = trainer.step(batch);
                    listener.step(s, result.loss());
                    if (checkpointSteps.contains(s)) {
                        Path dir = root.resolve("step-" + s);
                        trainer.saveCheckpoint(dir, base);
                        listener.checkpoint(s, dir);
                    }
                }
            }
        }
    }
}
