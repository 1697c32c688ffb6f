/**
 * Models: the registry of model snapshots and the service every feature uses to generate and score text.
 * Public API: {@link org.cailab.model.ModelService} and the records beside it. The DJL engine that runs local
 * Hugging Face checkpoints lives in {@code org.cailab.model.engine}.
 */
@NullMarked
package org.cailab.model;

import org.jspecify.annotations.NullMarked;
