/**
 * The whole Constitutional AI pipeline as one run, and constitution experiments. A run of type {@code pipeline}
 * chains the method's stages (SL-CAI sampling, SL finetuning, response pairs, AI feedback labels, preference model,
 * RL-CAI, optionally comparison campaigns); each stage is an ordinary child run of its own module, linked to the
 * pipeline in the table {@code pipeline_stage} (see docs/decisions/0096-pipeline-run.md). A constitution experiment
 * starts the same pipeline for two constitution versions with the same seeds. Public API: {@link
 * org.cailab.experiment.PipelineService}, the records it uses, and the SPI {@link
 * org.cailab.experiment.PipelineExtension} for optional stages (such as harm evaluation).
 */
@NullMarked
@ApplicationModule(displayName = "CAI pipeline")
package org.cailab.experiment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
