package org.cailab.model;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Generation and scoring with registered model snapshots; the one door through which every feature reaches a
 * model (local DJL engine or a remote backend). Requests from many threads are batched by the engine.
 */
public interface ModelService {

    /** Every registered snapshot, newest first. */
    List<ModelSnapshot> snapshots();

    Optional<ModelSnapshot> snapshot(long id);

    /**
     * Samples a continuation of {@code prompt} (the paper's {@code \n\nHuman: ...\n\nAssistant:} transcript).
     * {@link SamplingSettings#priority()} and {@link SamplingSettings#user()} say who waits: live requests go before
     * pipeline work. Cancel the future (or let an {@code orTimeout} fail it) when the answer is no longer wanted: the
     * generation stops at its next step. When the model's queue is full, the future fails at once with
     * {@link ModelBusyException}.
     *
     * @param onText receives the text as it is generated (deltas), for streaming to the UI; may be a no-op
     */
    CompletableFuture<GenerationResult> generate(
            long snapshotId, String prompt, SamplingSettings settings, Consumer<String> onText);

    /** Samples one continuation per prompt, batched. */
    List<GenerationResult> generateAll(long snapshotId, List<String> prompts, SamplingSettings settings);

    /**
     * Log-probabilities of each continuation after its prompt (same index), batched with padding; continuations of an
     * equal prompt share one computation of it (send them in one call).
     */
    List<ScoredContinuation> score(long snapshotId, List<String> prompts, List<String> continuations);

    /** The models loaded in memory now (none for a backend that loads nothing here). */
    default List<LoadedModel> loadedModels() {
        return List.of();
    }
}
