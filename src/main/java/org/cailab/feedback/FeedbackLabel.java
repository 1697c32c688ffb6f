package org.cailab.feedback;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An AI feedback label for one pair, with every step that led to it.
 *
 * @param label          what to store: the probability that response A is better, or 1/0 with hard labels
 * @param probability    the soft label: the mean of every question's {@link FeedbackQuestion#used()}
 * @param originalOrder  the mean over the questions that showed A as (A)
 * @param swappedOrder   the mean over the questions that showed A as (B); null without swapping
 * @param ordersDisagree whether the two orders fall on different sides of 1/2 (position bias); false without
 *                       swapping
 * @param questions      every question asked, in order: per ensemble member, original then swapped order, then
 *                       per reasoning sample
 */
public record FeedbackLabel(
        double label,
        double probability,
        double originalOrder,
        @Nullable Double swappedOrder,
        boolean ordersDisagree,
        List<FeedbackQuestion> questions) {

    public FeedbackLabel {
        questions = List.copyOf(questions);
    }

    /** The principles the questions were asked under, one per ensemble member, in order. */
    public List<String> principleKeys() {
        return questions.stream()
                .filter(q -> !q.swapped() && q.sample() == 0)
                .map(FeedbackQuestion::principleKey)
                .toList();
    }
}
