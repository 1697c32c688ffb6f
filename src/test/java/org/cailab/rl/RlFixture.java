package org.cailab.rl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.cailab.model.engine.BpeTokenizerTrainer;
import org.cailab.model.engine.BpeVocabulary;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.ContinuationScore;
import org.cailab.model.engine.LlamaConfig;
import org.cailab.model.engine.PreferenceExample;
import org.cailab.model.engine.PreferenceLoss;
import org.cailab.model.engine.PreferenceModel;
import org.cailab.model.engine.ScoringRequest;
import org.cailab.model.engine.TextTokenizer;
import org.cailab.model.engine.TinyModels;
import org.cailab.model.engine.Trainer;
import org.cailab.model.engine.TrainingConfig;
import org.cailab.model.engine.TrainingExample;

/**
 * Tiny real models for the RL tests: a BPE tokenizer on a templated dialogue corpus, a random policy, and a judge LM
 * trained on the corpus whose mean log-probability of a response is the reward (a learnable property: write what the
 * judge finds likely).
 */
final class RlFixture {

    private RlFixture() {}

    static void singleThread() {
        Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(1);
    }

    static List<String> corpus(int lines) {
        String[] subjects = {"the cat", "my dog", "a robot", "the teacher", "our team", "the model"};
        String[] verbs = {"likes", "reads", "builds", "cleans", "explains", "paints"};
        String[] objects = {"the house", "a book", "small boxes", "red apples", "the garden", "long stories"};
        Random random = new Random(42);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            String s = subjects[random.nextInt(subjects.length)];
            out.add(new Conversation(List.of(
                            Turn.human("What does " + s + " do?"),
                            Turn.assistant(Character.toUpperCase(s.charAt(0)) + s.substring(1) + " "
                                    + verbs[random.nextInt(verbs.length)] + " "
                                    + objects[random.nextInt(objects.length)] + ".")))
                    .stripped()
                    .render());
        }
        return out;
    }

    /** Prompts in the dialogue format. */
    static List<String> prompts(int n, long seed) {
        String[] subjects = {"the cat", "my dog", "a robot", "the teacher", "our team", "the model"};
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Conversation.singleTurnPrompt("What does " + subjects[random.nextInt(subjects.length)] + " do?"));
        }
        return out;
    }

    /** Writes a tokenizer and a random model of the given seed. */
    static void randomModel(Path dir, long seed) throws IOException {
        BpeVocabulary vocab = BpeTokenizerTrainer.builder()
                .setVocabSize(300)
                .optMinFrequency(1)
                .build()
                .train(corpus(200));
        vocab.write(dir);
        LlamaConfig config = LlamaConfig.builder()
                .setVocabSize(vocab.size())
                .setHiddenSize(32)
                .setIntermediateSize(64)
                .setNumLayers(2)
                .setNumHeads(4)
                .optNumKvHeads(2)
                .optBosTokenId(0L)
                .optEosTokenIds(List.of(0L))
                .build();
        TinyModels.create(dir, config, seed);
    }

    /** A random model trained for a few dozen steps on the corpus (language modelling). */
    static void trainedJudge(Path dir) throws IOException {
        randomModel(dir, 99);
        List<String> lines = corpus(200);
        try (CausalLm lm = CausalLm.load(dir);
                Trainer trainer = new Trainer(
                        lm.model(),
                        TrainingConfig.builder()
                                .setTotalSteps(60)
                                .optLearningRate(3e-3)
                                .optMicroBatchSize(16)
                                .build())) {
            TextTokenizer tokenizer = lm.tokenizer();
            for (int s = 0; s < 60; s++) {
                List<TrainingExample> batch = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    batch.add(
                            TrainingExample.allTokens(tokenizer.encode(lines.get((s * 16 + i) % lines.size()), true)));
                }
                trainer.step(batch);
            }
            lm.model().save(dir);
        }
    }

    /**
     * Reward = the judge's mean log-probability per response token relative to a uniform guess (so a random response
     * scores near 0, as a preference model's centred scores do); an empty response scores 0.
     */
    record JudgeReward(CausalLm judge) implements RewardModel {
        @Override
        public double[] score(List<String> prompts, List<String> responses) {
            List<ScoringRequest> requests = new ArrayList<>();
            for (int i = 0; i < prompts.size(); i++) {
                requests.add(new ScoringRequest(prompts.get(i), responses.get(i)));
            }
            List<ContinuationScore> scores = judge.score(requests);
            double uniform = Math.log(judge.model().config().vocabSize());
            return scores.stream()
                    .mapToDouble(s -> s.tokenIds().length == 0 ? 0 : s.meanLogProb() + uniform)
                    .toArray();
        }
    }

    /**
     * A tiny preference model trained (soft-label Bradley-Terry, the engine's {@code PreferenceLoss}) to prefer
     * responses made of more tokens from the lowest third of the vocabulary: of two random responses with different
     * shares of such tokens, the one with the larger share is better. A random policy samples such tokens about a
     * third of the time, so the property is graded, visible from the start and learnable.
     */
    static void trainedPreferenceModel(Path dir) throws IOException {
        Path base = dir.resolveSibling(dir.getFileName() + "-base");
        randomModel(base, 123);
        List<String> prompts = prompts(64, 11);
        Random random = new Random(5);
        try (PreferenceModel pm = PreferenceModel.initialize(base, Device.cpu(), 9);
                Trainer trainer = new Trainer(
                        pm,
                        TrainingConfig.builder()
                                .setTotalSteps(80)
                                .optLearningRate(2e-3)
                                .optMicroBatchSize(16)
                                .build())) {
            TextTokenizer tokenizer = pm.tokenizer();
            int vocab = pm.config().vocabSize();
            for (int s = 0; s < 80; s++) {
                List<PreferenceExample> batch = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String prompt = prompts.get(random.nextInt(prompts.size()));
                    double shareA = random.nextDouble();
                    double shareB = random.nextDouble();
                    long[] a = pm.encode(prompt, tokenizer.decode(lowTokens(random, vocab, shareA)));
                    long[] b = pm.encode(prompt, tokenizer.decode(lowTokens(random, vocab, shareB)));
                    batch.add(new PreferenceExample(a, b, shareA > shareB ? 1.0 : 0.0));
                }
                trainer.step(batch, PreferenceLoss.of(pm));
            }
            pm.save(dir);
            for (String name : List.of("tokenizer.json", "tokenizer_config.json")) {
                Path source = base.resolve(name);
                if (java.nio.file.Files.isRegularFile(source) && !java.nio.file.Files.exists(dir.resolve(name))) {
                    java.nio.file.Files.copy(source, dir.resolve(name));
                }
            }
        }
    }

    /** 8 random tokens, each from the lowest third of the vocabulary (not id 0) with probability {@code share}. */
    private static long[] lowTokens(Random random, int vocab, double share) {
        int third = vocab / 3;
        long[] ids = new long[8];
        for (int t = 0; t < ids.length; t++) {
            ids[t] =
                    random.nextDouble() < share ? 1 + random.nextInt(third - 1) : third + random.nextInt(vocab - third);
        }
        return ids;
    }

    static CausalLm loadJudge(Path dir) {
        return CausalLm.load(dir, Device.cpu());
    }
}
