package org.cailab.rl;

import org.jspecify.annotations.Nullable;

/**
 * A response sampled during RL, kept with the snapshot it was taken at so people can read what the policy writes.
 *
 * @param step prompts trained on at the snapshot
 * @param snapshotId the registered snapshot, if it still exists
 */
public record RlSample(
        long step, int position, @Nullable Long snapshotId, String prompt, String response, double reward, double kl) {}
