/**
 * Multiple-choice evaluations (the paper's Figures 4 and 9): a file of {@code {prompt, corrects, incorrects}} items
 * answered by a model, with accuracy and calibration. The computation needs no database; evaluation sets and runs
 * ({@link org.cailab.evaluation.EvaluationSetService}, run type {@code mc-eval}) store it in the app.
 *
 * <p>Public API: {@link org.cailab.evaluation.EvalFileReader} reads and checks a file; {@link
 * org.cailab.evaluation.MultipleChoiceEvaluator} answers items through an {@link org.cailab.evaluation.OptionScorer}
 * ({@link org.cailab.evaluation.EngineOptionScorer} on a loaded checkpoint, tokenising by the {@link
 * org.cailab.evaluation.OptionTokens} convention); {@link org.cailab.evaluation.Calibration} bins the answers;
 * {@link org.cailab.evaluation.EvalCommand} is {@code java -jar cailab.jar eval}; {@link
 * org.cailab.evaluation.EvaluationSetService} imports sets and summarises evaluation runs as {@link
 * org.cailab.evaluation.EvaluationResult}s.
 */
@NullMarked
package org.cailab.evaluation;

import org.jspecify.annotations.NullMarked;
