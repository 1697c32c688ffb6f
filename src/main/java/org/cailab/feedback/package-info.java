/**
 * AI feedback (the paper's section 4.1): soft preference labels from a feedback model, as pure computation with no
 * database. The labelling run that stores labels lives next to it and calls it.
 *
 * <p>Public API:
 *
 * <ul>
 *   <li>{@link org.cailab.feedback.FeedbackLabeler}: labels one pair ({@link org.cailab.feedback.LabelRequest}) with a
 *       feedback snapshot through {@link org.cailab.model.ModelService}: draws principles, builds the multiple-choice
 *       (or chain-of-thought) prompts with {@link org.cailab.constitution.PromptFormats}, scores {@code " (A)"} and
 *       {@code " (B)"} in one batched call and returns a {@link org.cailab.feedback.FeedbackLabel} with everything
 *       that went into it.
 *   <li>{@link org.cailab.feedback.FeedbackOptions}: ensemble, swap, hard labels, chain of thought, clamp band,
 *       few-shot principles; validated, with defaults, and written to / read from a run's parameter map.
 *   <li>{@link org.cailab.feedback.PrincipleDrawer}: the seeded principle draws (recorded in each label).
 *   <li>{@link org.cailab.feedback.LabelMath}: the formulas (two-way softmax, clamping, averaging, hard labels).
 * </ul>
 *
 * <pre>{@code
 * FeedbackLabeler labeler = new FeedbackLabeler(modelService, feedbackSnapshotId);
 * FeedbackLabel label = labeler.label(new LabelRequest(conversation, responseA, responseB,
 *         constitutionVersion.content(), FeedbackOptions.fromParameters(run.parameters()), itemSeed));
 * label.label();                 // p(A is better), in [0, 1]
 * label.ordersDisagree();        // whether (A, B) and (B, A) preferred different responses
 * label.questions();             // every prompt sent, raw log-probabilities, probabilities, reasoning
 * }</pre>
 */
@NullMarked
package org.cailab.feedback;

import org.jspecify.annotations.NullMarked;
