package org.cailab.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cailab.constitution.ChainOfThoughtExample;
import org.cailab.constitution.Choice;
import org.cailab.constitution.MultipleChoiceQuestion;
import org.cailab.constitution.PromptFormats;
import org.cailab.feedback.FeedbackOptions;
import org.cailab.feedback.LabelMath;
import org.jspecify.annotations.Nullable;

/**
 * Answers multiple-choice items with a model (the paper's Figures 4 and 9): each option's log-probability after the
 * prompt, normalised over the item's options by a softmax. With chain of thought (only for the paper's two-option
 * format, options {@code " (A)"} and {@code " (B)"}) the question is put in the conversational format, the model
 * samples a reasoning after {@code "Let's think step by step:"}, the options are scored after {@code "So the answer
 * is:"}, and the probability of (A) is clamped to the labelling band and averaged over the sampled reasonings,
 * exactly as feedback labels are. Chain-of-thought few-shots (from a constitution) are shown under the item's own
 * instruction: an evaluation item has one fixed principle, so there is nothing to draw.
 */
public final class MultipleChoiceEvaluator {

    private final OptionScorer scorer;
    private final @Nullable FeedbackOptions chainOfThought;
    private final List<ChainOfThoughtExample> fewShots;
    private final long seed;

    /**
     * @param chainOfThought the labelling settings to reason with (samples, clamp band, temperature, length), or
     *                       null to score the prompt as it is
     * @param seed           reasoning seeds derive from it and the item's index
     */
    public MultipleChoiceEvaluator(OptionScorer scorer, @Nullable FeedbackOptions chainOfThought, long seed) {
        this(scorer, chainOfThought, List.of(), seed);
    }

    /**
     * @param fewShots chain-of-thought examples to put in front of each reasoning prompt (at most {@link
     *                 FeedbackOptions#fewShotExamples()} of them), shown under the item's own instruction
     */
    public MultipleChoiceEvaluator(
            OptionScorer scorer,
            @Nullable FeedbackOptions chainOfThought,
            List<ChainOfThoughtExample> fewShots,
            long seed) {
        this.scorer = scorer;
        this.chainOfThought = chainOfThought;
        Integer count = chainOfThought == null ? null : chainOfThought.fewShotExamples();
        this.fewShots = List.copyOf(count == null || count >= fewShots.size() ? fewShots : fewShots.subList(0, count));
        this.seed = seed;
    }

    /** Answers one item. */
    public ItemResult evaluate(int index, EvalItem item) {
        List<String> options = item.options();
        if (chainOfThought != null) {
            return reasoned(index, item, chainOfThought);
        }
        List<OptionScore> scores = scorer.score(item.prompt(), options);
        Map<String, Double> probabilities = normalise(scores);
        return result(index, item, probabilities, scores, List.of());
    }

    /** Each option's probability among the item's options: a softmax over their log-probabilities. */
    public static Map<String, Double> normalise(List<OptionScore> scores) {
        double max = scores.stream().mapToDouble(OptionScore::logProb).max().orElseThrow();
        double z = 0;
        for (OptionScore s : scores) {
            z += Math.exp(s.logProb() - max);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (OptionScore s : scores) {
            out.put(s.option(), Math.exp(s.logProb() - max) / z);
        }
        return out;
    }

    private ItemResult reasoned(int index, EvalItem item, FeedbackOptions settings) {
        List<String> options = item.options();
        if (options.size() != 2 || !options.containsAll(List.of(Choice.A.answer(), Choice.B.answer()))) {
            throw new IllegalArgumentException("item " + index + ": chain of thought needs the options \" (A)\" and"
                    + " \" (B)\", the item has " + options);
        }
        MultipleChoiceQuestion question;
        try {
            question = PromptFormats.parseMultipleChoice(item.prompt());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "item " + index + ": chain of thought needs a prompt in the paper's" + " multiple-choice format: "
                            + e.getMessage(),
                    e);
        }
        String reasoningPrompt = PromptFormats.chainOfThoughtPrompt(fewShots, question);
        List<Double> probabilitiesOfA = new ArrayList<>();
        List<String> reasonings = new ArrayList<>();
        List<OptionScore> lastScores = List.of();
        Map<String, Double> logProbSums = new LinkedHashMap<>();
        for (int s = 0; s < settings.reasoningSamples(); s++) {
            String reasoning = PromptFormats.sampleText(scorer.generate(
                    reasoningPrompt,
                    settings.reasoningTemperature(),
                    settings.reasoningMaxTokens(),
                    reasoningSeed(index, s)));
            reasonings.add(reasoning);
            lastScores = scorer.score(PromptFormats.chainOfThoughtAnswerPrompt(reasoningPrompt, reasoning), options);
            double pA = normalise(lastScores).get(Choice.A.answer());
            probabilitiesOfA.add(LabelMath.clamp(pA, settings.clampLow(), settings.clampHigh()));
            lastScores.forEach(
                    o -> logProbSums.merge(o.option(), o.logProb() / settings.reasoningSamples(), Double::sum));
        }
        double pA = LabelMath.mean(probabilitiesOfA);
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (String option : options) {
            probabilities.put(option, option.equals(Choice.A.answer()) ? pA : 1 - pA);
        }
        List<OptionScore> meanScores = lastScores.stream()
                .map(o -> new OptionScore(o.option(), logProbSums.get(o.option()), o.tokens(), o.separatelyEncoded()))
                .toList();
        return result(index, item, probabilities, meanScores, reasonings);
    }

    private long reasoningSeed(int index, int sample) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + sample;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static ItemResult result(
            int index,
            EvalItem item,
            Map<String, Double> probabilities,
            List<OptionScore> scores,
            List<String> reasonings) {
        double bestCorrect =
                item.corrects().stream().mapToDouble(probabilities::get).max().orElse(0);
        double bestIncorrect =
                item.incorrects().stream().mapToDouble(probabilities::get).max().orElse(-1);
        double confidence = probabilities.values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElseThrow();
        Map<String, Double> logProbs = new LinkedHashMap<>();
        scores.forEach(s -> logProbs.put(s.option(), s.logProb()));
        List<String> separate = scores.stream()
                .filter(OptionScore::separatelyEncoded)
                .map(OptionScore::option)
                .toList();
        return new ItemResult(
                index, probabilities, logProbs, bestCorrect > bestIncorrect, confidence, separate, reasonings);
    }
}
