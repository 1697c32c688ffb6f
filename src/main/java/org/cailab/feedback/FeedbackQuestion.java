package org.cailab.feedback;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One question put to the feedback model for a label, with everything it was asked and answered.
 *
 * @param member               which principle of the ensemble (from 0)
 * @param principleKey         the principle the question was asked under
 * @param fewShotPrincipleKeys the principle each few-shot example was shown under (an example with an instruction
 *                             of its own shows that instead; its prompt text is the truth)
 * @param swapped              whether response B was shown as (A) and response A as (B)
 * @param sample               which sampled reasoning (from 0; always 0 without chain of thought)
 * @param prompt               the text scored: it ends {@code "The answer is:"} or, with chain of thought,
 *                             {@code "So the answer is:"} after the reasoning
 * @param reasoningPrompt      chain of thought: the text the reasoning was sampled after; null otherwise
 * @param reasoning            chain of thought: the sampled reasoning (without the space the model writes first)
 * @param reasoningSeed        chain of thought: the sampling seed of the reasoning
 * @param logProbA             raw log-probability of {@code " (A)"} after the prompt (natural log)
 * @param logProbB             raw log-probability of {@code " (B)"} after the prompt
 * @param probabilityOfA       {@code exp(lA) / (exp(lA) + exp(lB))}: the shown option (A)
 * @param firstIsBetter        the probability that the pair's response A is better (swapped questions: of (B))
 * @param used                 what enters the label: {@code firstIsBetter}, clamped with chain of thought
 */
public record FeedbackQuestion(
        int member,
        String principleKey,
        List<String> fewShotPrincipleKeys,
        boolean swapped,
        int sample,
        String prompt,
        @Nullable String reasoningPrompt,
        @Nullable String reasoning,
        @Nullable Long reasoningSeed,
        double logProbA,
        double logProbB,
        double probabilityOfA,
        double firstIsBetter,
        double used) {

    public FeedbackQuestion {
        fewShotPrincipleKeys = List.copyOf(fewShotPrincipleKeys);
    }
}
