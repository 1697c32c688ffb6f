package org.cailab.model;

import java.time.Instant;

/**
 * A snapshot loaded in memory, for the Models page.
 *
 * @param parameterBytes the weights' size in memory (float32)
 * @param cacheBytes     the KV cache a full batch at the model's context length would take at most
 * @param running        rows generating now
 * @param waiting        requests waiting to start
 * @param lastUsed       when a request last arrived
 */
public record LoadedModel(
        long snapshotId,
        String name,
        String device,
        long parameterBytes,
        long cacheBytes,
        int running,
        int waiting,
        Instant lastUsed) {}
