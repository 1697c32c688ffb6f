package org.cailab.model;

import java.time.Instant;
import java.util.List;

/**
 * What the demo training on first start did, for its record as a run.
 *
 * @param steps           training steps done
 * @param snapshots       the registered snapshots' names by step, in step order ({@code demo-early},
 *                        {@code demo-final})
 * @param checkpointSteps the steps of those snapshots, same order
 * @param seed            the seed of corpus, initialisation and batches
 * @param documents       documents in the templated corpus
 * @param finalLoss       the training loss of the last step
 */
public record DemoTraining(
        int steps,
        List<String> snapshots,
        List<Integer> checkpointSteps,
        long seed,
        int documents,
        Instant startedAt,
        Instant endedAt,
        double finalLoss) {

    public DemoTraining {
        snapshots = List.copyOf(snapshots);
        checkpointSteps = List.copyOf(checkpointSteps);
        if (snapshots.size() != checkpointSteps.size()) {
            throw new IllegalArgumentException("one checkpoint step per snapshot");
        }
    }
}
