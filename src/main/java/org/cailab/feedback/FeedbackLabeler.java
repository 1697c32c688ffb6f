package org.cailab.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cailab.constitution.ChainOfThoughtExample;
import org.cailab.constitution.Choice;
import org.cailab.constitution.MultipleChoiceExample;
import org.cailab.constitution.MultipleChoiceQuestion;
import org.cailab.constitution.PromptFormats;
import org.cailab.model.GenerationResult;
import org.cailab.model.ModelService;
import org.cailab.model.SamplingSettings;
import org.cailab.model.ScoredContinuation;
import org.jspecify.annotations.Nullable;

/**
 * Labels preference pairs with a feedback model (the paper's section 4.1). For each ensemble member a principle is
 * drawn, the few-shot examples are put in front (each under its own drawn principle, or the question's), and the
 * model's log-probabilities of {@code " (A)"} and {@code " (B)"} after {@code "The answer is:"} give {@code p(A) =
 * exp(lA) / (exp(lA) + exp(lB))}; the pair is also asked with the responses swapped and the two orders averaged.
 * With chain of thought the model first samples a reasoning after {@code "Let's think step by step:"} and the
 * answer is read after {@code "So the answer is:"}, clamped to a band.
 *
 * <p>All scoring rows of a call ({@code " (A)"} and {@code " (B)"} of every question, both orders) go to the model
 * in one {@link ModelService#score} call; reasonings are sampled concurrently, so the model's batcher groups them.
 * Stateless apart from the model it asks; safe to share between threads.
 */
public final class FeedbackLabeler {

    private static final long REASONING_SALT = 0x5EEDC07L;

    private final ModelService models;
    private final long snapshotId;

    /** A labeler that asks the given feedback snapshot. */
    public FeedbackLabeler(ModelService models, long snapshotId) {
        this.models = models;
        this.snapshotId = snapshotId;
    }

    /** Labels one pair. */
    public FeedbackLabel label(LabelRequest request) {
        return labelAll(List.of(request)).getFirst();
    }

    /** Labels several pairs with one scoring call for all of them (and their reasonings sampled together). */
    public List<FeedbackLabel> labelAll(List<LabelRequest> requests) {
        List<List<Asked>> plans = requests.stream().map(FeedbackLabeler::plan).toList();
        List<Asked> all = plans.stream().flatMap(List::stream).toList();
        sampleReasonings(all, requests, plans);
        List<String> prompts = new ArrayList<>(2 * all.size());
        List<String> continuations = new ArrayList<>(2 * all.size());
        for (Asked asked : all) {
            prompts.add(asked.scoredPrompt);
            continuations.add(Choice.A.answer());
            prompts.add(asked.scoredPrompt);
            continuations.add(Choice.B.answer());
        }
        List<ScoredContinuation> scores = models.score(snapshotId, prompts, continuations);
        if (scores.size() != prompts.size()) {
            throw new IllegalStateException(
                    "the model returned " + scores.size() + " scores for " + prompts.size() + " continuations");
        }
        List<FeedbackLabel> labels = new ArrayList<>(requests.size());
        int row = 0;
        for (int r = 0; r < requests.size(); r++) {
            FeedbackOptions options = requests.get(r).options();
            List<FeedbackQuestion> questions = new ArrayList<>();
            for (Asked asked : plans.get(r)) {
                questions.add(asked.answered(
                        scores.get(row).logProb(), scores.get(row + 1).logProb(), options));
                row += 2;
            }
            labels.add(combine(questions, options));
        }
        return labels;
    }

    /** The label from answered questions: averages per order, position disagreement, hard label. */
    static FeedbackLabel combine(List<FeedbackQuestion> questions, FeedbackOptions options) {
        List<Double> original = questions.stream()
                .filter(q -> !q.swapped())
                .map(FeedbackQuestion::used)
                .toList();
        List<Double> swapped = questions.stream()
                .filter(FeedbackQuestion::swapped)
                .map(FeedbackQuestion::used)
                .toList();
        double originalOrder = LabelMath.mean(original);
        Double swappedOrder = swapped.isEmpty() ? null : LabelMath.mean(swapped);
        double probability =
                LabelMath.mean(questions.stream().map(FeedbackQuestion::used).toList());
        boolean disagree = swappedOrder != null && LabelMath.disagree(originalOrder, swappedOrder);
        double label = options.hardLabels() ? LabelMath.hard(probability) : probability;
        return new FeedbackLabel(label, probability, originalOrder, swappedOrder, disagree, questions);
    }

    private static List<Asked> plan(LabelRequest request) {
        FeedbackOptions options = request.options();
        boolean cot = options.chainOfThought();
        List<MultipleChoiceExample> mcShots = first(request.constitution().mcExamples(), options.fewShotExamples());
        List<ChainOfThoughtExample> cotShots = first(request.constitution().cotExamples(), options.fewShotExamples());
        int shots = cot ? cotShots.size() : mcShots.size();
        List<PrincipleDraw> draws = PrincipleDrawer.draw(
                request.constitution().enabledRlPrinciples(),
                options.ensemble(),
                shots,
                options.fewShotPrinciples(),
                request.seed());
        List<Asked> asked = new ArrayList<>();
        for (int member = 0; member < draws.size(); member++) {
            PrincipleDraw draw = draws.get(member);
            for (boolean swapped : options.swap() ? new boolean[] {false, true} : new boolean[] {false}) {
                MultipleChoiceQuestion question = new MultipleChoiceQuestion(
                        request.conversation(),
                        draw.principle().instruction(),
                        swapped ? request.responseB() : request.responseA(),
                        swapped ? request.responseA() : request.responseB());
                if (!cot) {
                    String prompt = PromptFormats.multipleChoicePrompt(mcShots, draw.fewShotInstructions(), question);
                    asked.add(new Asked(member, draw, swapped, 0, prompt, null));
                    continue;
                }
                String reasoningPrompt =
                        PromptFormats.chainOfThoughtPrompt(cotShots, draw.fewShotInstructions(), question);
                for (int sample = 0; sample < options.reasoningSamples(); sample++) {
                    asked.add(new Asked(member, draw, swapped, sample, null, reasoningPrompt));
                }
            }
        }
        return asked;
    }

    private void sampleReasonings(List<Asked> all, List<LabelRequest> requests, List<List<Asked>> plans) {
        List<CompletableFuture<GenerationResult>> pending = new ArrayList<>();
        List<Asked> waiting = new ArrayList<>();
        for (int r = 0; r < requests.size(); r++) {
            FeedbackOptions options = requests.get(r).options();
            SamplingSettings settings = new SamplingSettings(
                    options.reasoningTemperature(),
                    1.0,
                    0,
                    options.reasoningMaxTokens(),
                    List.of(PromptFormats.HUMAN_MARKER, PromptFormats.ASSISTANT_MARKER),
                    null);
            List<Asked> plan = plans.get(r);
            for (int i = 0; i < plan.size(); i++) {
                Asked asked = plan.get(i);
                if (asked.reasoningPrompt == null) {
                    continue;
                }
                asked.reasoningSeed = reasoningSeed(requests.get(r).seed(), i);
                pending.add(models.generate(
                        snapshotId, asked.reasoningPrompt, settings.withSeed(asked.reasoningSeed), text -> {}));
                waiting.add(asked);
            }
        }
        for (int i = 0; i < pending.size(); i++) {
            Asked asked = waiting.get(i);
            asked.reasoning = PromptFormats.sampleText(pending.get(i).join().text());
            asked.scoredPrompt = PromptFormats.chainOfThoughtAnswerPrompt(asked.reasoningPrompt, asked.reasoning);
        }
        if (all.stream().anyMatch(a -> a.scoredPrompt == null)) {
            throw new IllegalStateException("a question has no prompt to score");
        }
    }

    /** The seed of the {@code index}-th question's reasoning of a label: distinct per question, fixed by the label's seed. */
    static long reasoningSeed(long labelSeed, int index) {
        long z = labelSeed * 0x9E3779B97F4A7C15L + REASONING_SALT + index * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static <T> List<T> first(List<T> examples, @Nullable Integer count) {
        return count == null || count >= examples.size() ? examples : examples.subList(0, count);
    }

    /** A question while it is being asked (mutable: the reasoning arrives before the scores). */
    private static final class Asked {
        final int member;
        final PrincipleDraw draw;
        final boolean swapped;
        final int sample;
        final @Nullable String reasoningPrompt;

        @Nullable
        String scoredPrompt;

        @Nullable
        String reasoning;

        @Nullable
        Long reasoningSeed;

        Asked(
                int member,
                PrincipleDraw draw,
                boolean swapped,
                int sample,
                @Nullable String scoredPrompt,
                @Nullable String reasoningPrompt) {
            this.member = member;
            this.draw = draw;
            this.swapped = swapped;
            this.sample = sample;
            this.scoredPrompt = scoredPrompt;
            this.reasoningPrompt = reasoningPrompt;
        }

        FeedbackQuestion answered(double logProbA, double logProbB, FeedbackOptions options) {
            double pA = LabelMath.probabilityOfA(logProbA, logProbB);
            double first = LabelMath.firstIsBetter(pA, swapped);
            double used =
                    options.chainOfThought() ? LabelMath.clamp(first, options.clampLow(), options.clampHigh()) : first;
            return new FeedbackQuestion(
                    member,
                    draw.principle().key(),
                    draw.fewShotKeys(),
                    swapped,
                    sample,
                    java.util.Objects.requireNonNull(scoredPrompt),
                    reasoningPrompt,
                    reasoning,
                    reasoningSeed,
                    logProbA,
                    logProbB,
                    pA,
                    first,
                    used);
        }
    }
}
