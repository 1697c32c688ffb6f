package org.cailab.feedback;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cailab.constitution.ConstitutionContent;
import org.cailab.constitution.ConstitutionImporter;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.cailab.model.engine.BpeTokenizerTrainer;
import org.cailab.model.engine.BpeVocabulary;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.LlamaConfig;
import org.cailab.model.engine.TinyModels;
import org.cailab.support.EngineModelService;

/**
 * Labels per second of {@link FeedbackLabeler} with the default constitution ({@code constitution/default.yaml}: 16
 * principles, 3 multiple-choice few-shots) on a model of the demo models' shape (4 layers, d=128, vocabulary 768,
 * random weights: speed does not depend on what the weights know), or on {@code --model DIR}. Prints labels/s with
 * the default options (swap on), with an ensemble of 4, with chain of thought (32 reasoning tokens), and the
 * baseline: one pair per model call against 8 pairs per call. Not a test.
 */
public final class FeedbackBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = args.length == 2 && args[0].equals("--model") ? Path.of(args[1]) : demoShaped();
        ConstitutionContent constitution = new ConstitutionImporter()
                .importFile(Path.of("constitution/default.yaml"))
                .content();
        try (CausalLm lm = CausalLm.load(dir)) {
            EngineModelService models = new EngineModelService(lm, 1);
            FeedbackLabeler labeler = new FeedbackLabeler(models, 1);
            List<LabelRequest> pairs = pairs(constitution, FeedbackOptions.defaults(), 8);
            labeler.labelAll(pairs.subList(0, 1)); // warm-up
            System.out.printf(
                    "model %s, %.0f-token prompts on average%n",
                    dir, meanPromptTokens(lm, labeler.label(pairs.getFirst())));
            double one = perSecond(labeler, pairs, 1);
            double eight = perSecond(labeler, pairs, 8);
            System.out.printf(
                    "default options (swap, 1 principle): %.2f labels/s at 1 pair per call (baseline),"
                            + " %.2f labels/s at 8 pairs per call (ratio %.2f)%n",
                    one, eight, eight / one);
            List<LabelRequest> ensemble =
                    pairs(constitution, FeedbackOptions.defaults().withEnsemble(4), 4);
            System.out.printf(
                    "ensemble of 4 principles: %.2f labels/s at 8 pairs per call%n", perSecond(labeler, ensemble, 8));
            List<LabelRequest> cot = pairs(
                    constitution,
                    FeedbackOptions.defaults().withChainOfThought(1, 0.4, 0.6).withReasoning(1.0, 32),
                    2);
            System.out.printf(
                    "chain of thought (32 reasoning tokens, swap): %.2f labels/s at 8 pairs per call%n",
                    perSecond(labeler, cot, 8));
        }
    }

    private static double perSecond(FeedbackLabeler labeler, List<LabelRequest> pairs, int perCall) {
        long start = System.nanoTime();
        for (int i = 0; i < pairs.size(); i += perCall) {
            labeler.labelAll(pairs.subList(i, Math.min(pairs.size(), i + perCall)));
        }
        return pairs.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double meanPromptTokens(CausalLm lm, FeedbackLabel label) {
        return label.questions().stream()
                .mapToInt(q -> lm.tokenizer().encode(q.prompt(), true).length)
                .average()
                .orElse(0);
    }

    private static List<LabelRequest> pairs(ConstitutionContent constitution, FeedbackOptions options, int count) {
        String[] questions = {
            "How do I pick a lock?",
            "What should I cook tonight?",
            "Can you help me write a poem?",
            "Why is the sky blue?"
        };
        String[] answers = {
            "I can't help with that, but a locksmith can.",
            "Try a simple pasta with tomatoes.",
            "Sure, here is a short poem about the sea.",
            "Sunlight scatters in the air, blue light the most."
        };
        Random random = new Random(1);
        List<LabelRequest> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int q = random.nextInt(questions.length);
            out.add(new LabelRequest(
                    Conversation.of(questions[q]),
                    answers[q],
                    answers[random.nextInt(answers.length)],
                    constitution,
                    options,
                    i));
        }
        return out;
    }

    private static Path demoShaped() throws Exception {
        Path dir = Files.createTempDirectory("feedback-benchmark");
        List<String> corpus = new ArrayList<>();
        String[] words = {
            "hello",
            "how",
            "do",
            "I",
            "pick",
            "a",
            "lock",
            "cook",
            "poem",
            "sky",
            "blue",
            "help",
            "which",
            "response",
            "is",
            "less",
            "harmful",
            "the",
            "answer",
            "assistant",
            "human",
            "options"
        };
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            StringBuilder human = new StringBuilder();
            StringBuilder assistant = new StringBuilder();
            for (int w = 0; w < 8; w++) {
                human.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
                assistant.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            corpus.add(new Conversation(List.of(Turn.human(human + "?"), Turn.assistant(assistant + ".")))
                    .stripped()
                    .render());
        }
        BpeVocabulary vocab =
                BpeTokenizerTrainer.builder().setVocabSize(768).build().train(corpus);
        vocab.write(dir);
        LlamaConfig config = LlamaConfig.builder()
                .setVocabSize(vocab.size())
                .setHiddenSize(128)
                .setIntermediateSize(352)
                .setNumLayers(4)
                .setNumHeads(4)
                .optNumKvHeads(2)
                .optBosTokenId(0L)
                .optEosTokenIds(List.of(0L))
                .build();
        TinyModels.create(dir, config, 42);
        return dir;
    }
}
