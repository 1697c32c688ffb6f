package org.cailab.rl;

/** How the policy gradient is estimated. */
public enum RlAlgorithm {
    /** PPO with a value head and generalised advantage estimation, per-token KL penalty (RLHF as in the paper). */
    PPO,
    /** REINFORCE leave-one-out: k samples per prompt, each one's baseline is the mean reward of the others. */
    RLOO
}
