package org.cailab.feedback;

import java.util.List;

/**
 * Everything stored about one AI feedback label: per question asked (one per principle of the ensemble, and its
 * swapped twin) the full prompt, the raw log-probabilities of {@code " (A)"} and {@code " (B)"}, the probability
 * that the pair's A is better read from it, and the reasoning when chain-of-thought was used; then the final label.
 *
 * @param questions      every question in the order it was asked
 * @param positionDisagreements how many principles' two orders disagreed on the better response
 * @param label          the final P(A better) after ensemble averaging, swap averaging and (if asked) hardening
 */
public record AiLabel(List<String> principles, List<Question> questions, int positionDisagreements, double label,
                      LabellingOptions options, long seed) {

    public AiLabel {
        principles = List.copyOf(principles);
        questions = List.copyOf(questions);
    }

    /**
     * One multiple-choice question put to the feedback model.
     *
     * @param principle        the key of the question's principle
     * @param fewShotPrinciples the keys under which each few-shot example was shown
     * @param swapped          whether the pair's responses were shown as (B) and (A)
     * @param logProbA         log-probability of {@code " (A)"} after the prompt
     * @param logProbB         log-probability of {@code " (B)"}
     * @param probabilityA     P(the pair's A is better) from this question (swap undone)
     * @param reasoning        the sampled reasoning (chain-of-thought), or empty
     */
    public record Question(String principle, List<String> fewShotPrinciples, boolean swapped, String prompt,
                           double logProbA, double logProbB, double probabilityA, String reasoning) {

        public Question {
            fewShotPrinciples = List.copyOf(fewShotPrinciples);
        }
    }
}
