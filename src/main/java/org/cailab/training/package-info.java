/**
 * Training runs: SL finetuning of a snapshot on SL-CAI data (run type {@code sl-finetune}) and preference-model
 * training on preference pairs (run type {@code pm-train}). Each run is one pipeline item that trains with the
 * engine's {@link org.cailab.model.engine.TrainingLoop}, writes its loss curves and checkpoints as it goes and
 * resumes from its last checkpoint after a crash (see {@code docs/decisions/0081-training-runs.md}).
 *
 * <p>Public API: {@link org.cailab.training.TrainingService} (curves, checkpoints, registering a checkpoint as a
 * snapshot). Views in {@code ui}: the training page of a run at {@code runs/{id}/training}.
 */
@NullMarked
package org.cailab.training;

import org.jspecify.annotations.NullMarked;
