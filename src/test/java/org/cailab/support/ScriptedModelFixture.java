package org.cailab.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.cailab.model.engine.BpeTokenizerTrainer;
import org.cailab.model.engine.BpeVocabulary;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.GenerationOptions;
import org.cailab.model.engine.LlamaConfig;
import org.cailab.model.engine.TinyModels;
import org.cailab.model.engine.Trainer;
import org.cailab.model.engine.TrainingConfig;
import org.cailab.model.engine.TrainingExample;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tiny real model trained to give one fixed reply to any message. Its tokenizer is a BPE tokenizer as in
 * {@link TinyModelFixture} whose vocabulary also holds the whole reply as one (non-special) added token, so that a
 * few dozen training steps on dialogues ending in that reply and the end-of-text token make it say exactly that,
 * through the real engine at the temperature the product samples with (checked here before it is returned).
 */
public final class ScriptedModelFixture {

    private static final String[] WORDS = {
        "hello", "show", "me", "some", "html", "please", "what", "is", "the", "answer", "tell", "about", "sea", "bread",
        "how", "do", "you", "write", "a", "page", "script", "image"
    };
    private static final int STEPS = 80;
    private static final int BATCH = 16;

    private ScriptedModelFixture() {}

    public static Path create(String purpose, String reply, long seed) {
        Path root = TestDataDirs.create("model-" + purpose);
        try {
            Random random = new Random(seed);
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                StringBuilder message = new StringBuilder();
                int words = 1 + random.nextInt(6);
                for (int w = 0; w < words; w++) {
                    message.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                }
                messages.add(message.append(random.nextBoolean() ? "?" : ".").toString());
            }
            Path base = Files.createDirectories(root.resolve("init"));
            BpeVocabulary vocab = BpeTokenizerTrainer.builder()
                    .setVocabSize(300)
                    .optMinFrequency(1)
                    .build()
                    .train(messages.stream()
                            .map(m -> new Conversation(List.of(Turn.human(m), Turn.assistant("")))
                                    .stripped()
                                    .render())
                            .toList());
            vocab.write(base);
            int replyToken = vocab.size();
            addToken(base.resolve("tokenizer.json"), replyToken, reply);
            LlamaConfig config = LlamaConfig.builder()
                    .setVocabSize(vocab.size() + 1)
                    .setHiddenSize(32)
                    .setIntermediateSize(64)
                    .setNumLayers(2)
                    .setNumHeads(4)
                    .optNumKvHeads(2)
                    .optBosTokenId(0L)
                    .optEosTokenIds(List.of(0L))
                    .build();
            TinyModels.create(base, config, seed);
            Path trained = root.resolve("trained");
            try (CausalLm lm = CausalLm.load(base)) {
                List<TrainingExample> examples = new ArrayList<>();
                for (String message : messages) {
                    long[] prompt = lm.tokenizer().encode(Conversation.singleTurnPrompt(message), true);
                    long[] answer = lm.tokenizer().encode(" " + reply);
                    long[] completion = Arrays.copyOf(answer, answer.length + 1); // then stop
                    completion[answer.length] = 0L;
                    examples.add(TrainingExample.promptCompletion(prompt, completion));
                }
                TrainingConfig training = TrainingConfig.builder()
                        .setTotalSteps(STEPS)
                        .optLearningRate(1e-2)
                        .optWarmupSteps(5)
                        .optMicroBatchSize(BATCH)
                        .build();
                try (Trainer trainer = new Trainer(lm.model(), training)) {
                    for (int s = 0; s < STEPS; s++) {
                        List<TrainingExample> batch = new ArrayList<>();
                        for (int i = 0; i < BATCH; i++) {
                            batch.add(examples.get(random.nextInt(examples.size())));
                        }
                        trainer.step(batch);
                    }
                    trainer.saveCheckpoint(trained, base);
                }
                // the product samples at temperature 1: the reply must come out every time
                for (int i = 0; i < 10; i++) {
                    String said = lm.generate(
                                    Conversation.singleTurnPrompt("Please show me some HTML."),
                                    GenerationOptions.builder()
                                            .optTemperature(1)
                                            .optSeed(seed + i)
                                            .optMaxNewTokens(20)
                                            .build())
                            .text()
                            .strip();
                    if (!said.equals(reply)) {
                        throw new IllegalStateException("the scripted model said '" + said + "', not '" + reply + "'");
                    }
                }
            }
            return trained;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code content} to {@code tokenizer.json} as an ordinary (not special) token matched before BPE. */
    private static void addToken(Path tokenizerJson, int id, String content) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(Files.readString(tokenizerJson));
        ((ArrayNode) root.get("added_tokens"))
                .addObject()
                .put("id", id)
                .put("content", content)
                .put("single_word", false)
                .put("lstrip", false)
                .put("rstrip", false)
                .put("normalized", false)
                .put("special", false);
        Files.writeString(tokenizerJson, mapper.writeValueAsString(root));
    }
}
