/**
 * Runs: the shared, durable infrastructure of every long pipeline job. A run is a planned list of items that a
 * {@link org.cailab.pipeline.RunStage} (the SPI later stages implement as Spring beans) processes one at a time;
 * every item's output is stored exactly once, runs survive {@code kill -9}, and several app instances share the
 * work without ever processing the same item twice (see docs/decisions/0002-run-engine.md). Public API: {@link
 * org.cailab.pipeline.RunService}, {@link org.cailab.pipeline.RunStage} and the records they use; the event
 * {@link org.cailab.pipeline.RunFinished}.
 */
@NullMarked
package org.cailab.pipeline;

import org.jspecify.annotations.NullMarked;
