/**
 * Multiple-choice evaluations (the paper's Figures 4 and 9): a file of {@code {prompt, corrects, incorrects}} items
 * answered by a model, with accuracy and calibration. Pure computation over a model; no database.
 *
 * <p>Public API: {@link org.cailab.evaluation.EvalFileReader} reads and checks a file; {@link
 * org.cailab.evaluation.MultipleChoiceEvaluator} answers items through an {@link org.cailab.evaluation.OptionScorer}
 * ({@link org.cailab.evaluation.EngineOptionScorer} on a loaded checkpoint, tokenising by the {@link
 * org.cailab.evaluation.OptionTokens} convention); {@link org.cailab.evaluation.Calibration} bins the answers;
 * {@link org.cailab.evaluation.EvalCommand} is {@code java -jar cailab.jar eval}.
 */
@NullMarked
package org.cailab.evaluation;

import org.jspecify.annotations.NullMarked;
