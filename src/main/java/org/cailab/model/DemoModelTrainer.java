package org.cailab.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cailab.model.engine.BpeTokenizerTrainer;
import org.cailab.model.engine.BpeVocabulary;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.LlamaConfig;
import org.cailab.model.engine.TextTokenizer;
import org.cailab.model.engine.TinyModels;
import org.cailab.model.engine.TrainStepResult;
import org.cailab.model.engine.Trainer;
import org.cailab.model.engine.TrainingConfig;
import org.cailab.model.engine.TrainingExample;

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
    /** The app's default number of training steps ({@code CAILAB_DEMO_STEPS}). */
    static final int DEFAULT_STEPS = 400;
    /**
     * The demo model's context ({@code max_position_embeddings}). Short on purpose: the engine cuts longer prompts (the
     * constitution's few-shots) from the left, keeping their tail and the question (at least half the context, 192
     * tokens, which holds a chain round), and that is what the training sequences look like: a document after at most
     * {@link #MAX_PREFIX} tokens of few-shot tail, which keeps training cheap. With a longer context (512 was tried)
     * the model sees more few-shot text than it was trained with, and its critiques got worse.
     */
    static final int CONTEXT = 384;
    /** At most this many tokens of few-shot context before a training document. */
    private static final int MAX_PREFIX = 128;

    static final int CORPUS_SIZE = 6000;
    private static final int TOKENIZER_DOCUMENTS = 1500;
    private static final int BATCH = 16;
    /**
     * Sequences per forward pass. A step's batch is sorted by length and cut into micro-batches, so that the short
     * dialogues are not padded to the length of the longest chain (the gradient is the same).
     */
    private static final int MICRO_BATCH = 4;

    private DemoModelTrainer() {}

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
                .optMaxPositionEmbeddings(CONTEXT)
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

    private static void trainWithCurrentThreads(
            Path root, int totalSteps, List<Integer> checkpointSteps, long seed, Listener listener) throws IOException {
        List<DemoCorpus.Document> corpus = DemoCorpus.documents(CORPUS_SIZE, seed);
        Path base = root.resolve("init");
        Files.createDirectories(base);
        BpeVocabulary vocab =
                BpeTokenizerTrainer.builder().setVocabSize(VOCAB_SIZE).build().train(tokenizerTexts(corpus));
        vocab.write(base);
        TinyModels.create(base, config(vocab.size()), seed);

        try (CausalLm lm = CausalLm.load(base)) {
            List<TrainingExample> examples = examples(lm.tokenizer(), corpus, new Random(seed + 1));
            TrainingConfig config = TrainingConfig.builder()
                    .setTotalSteps(totalSteps)
                    .optLearningRate(3e-3)
                    .optWarmupSteps(Math.max(1, totalSteps / 20))
                    .optWeightDecay(0.01)
                    .optMicroBatchSize(MICRO_BATCH)
                    .build();
            Random random = new Random(seed);
            try (Trainer trainer = new Trainer(lm.model(), config)) {
                for (int s = 1; s <= totalSteps; s++) {
                    List<TrainingExample> batch = new ArrayList<>(BATCH);
                    for (int i = 0; i < BATCH; i++) {
                        batch.add(examples.get(random.nextInt(examples.size())));
                    }
                    batch.sort(java.util.Comparator.comparingInt(e -> e.tokens().length));
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

    /** The documents' texts and each distinct few-shot context once (the BPE trainer needs no repetitions). */
    private static List<String> tokenizerTexts(List<DemoCorpus.Document> corpus) {
        java.util.Set<String> contexts = new java.util.LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        for (DemoCorpus.Document document : corpus.subList(0, Math.min(corpus.size(), TOKENIZER_DOCUMENTS))) {
            texts.add(document.text());
            if (document.context().length() > 1000) {
                contexts.add(document.context());
            }
        }
        texts.addAll(contexts);
        return texts;
    }

    /**
     * One training sequence per document: the beginning-of-text token, a random tail of the document's few-shot
     * context (what a prompt cut from the left keeps), the document, and how it ends in the pipeline: a dialogue with
     * the end-of-text token, a chain with the next human turn's marker (where the SL-CAI sampler stops).
     */
    static List<TrainingExample> examples(TextTokenizer tokenizer, List<DemoCorpus.Document> corpus, Random random) {
        List<TrainingExample> examples = new ArrayList<>(corpus.size());
        java.util.Map<String, long[]> contexts = new java.util.HashMap<>();
        for (DemoCorpus.Document document : corpus) {
            String text = document.kind() == DemoCorpus.Kind.CHAIN ? document.text() + "\n\nHuman:" : document.text();
            long[] body = tokenizer.encode(text, false);
            long[] context = document.context().isEmpty()
                    ? new long[0]
                    : contexts.computeIfAbsent(document.context(), c -> tokenizer.encode(c, false));
            int room = CONTEXT - 2 - body.length;
            int tail = Math.max(
                    0, Math.min(context.length, room <= 0 ? 0 : random.nextInt(Math.min(room, MAX_PREFIX) + 1)));
            boolean eos = document.kind() == DemoCorpus.Kind.DIALOGUE;
            int length = Math.min(CONTEXT, 1 + tail + body.length + (eos ? 1 : 0));
            long[] ids = new long[length];
            ids[0] = 0L; // beginning of text (the tokenizer's special token 0)
            System.arraycopy(context, context.length - tail, ids, 1, tail);
            System.arraycopy(body, 0, ids, 1 + tail, Math.min(body.length, length - 1 - tail));
            if (eos && length == 1 + tail + body.length + 1) {
                ids[length - 1] = 0L; // learn to end after a reply
            }
            examples.add(TrainingExample.allTokens(ids));
        }
        return examples;
    }
}
