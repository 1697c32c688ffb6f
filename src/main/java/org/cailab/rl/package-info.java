/**
 * RL-CAI: reinforcement learning of a policy against a reward model with a KL penalty to a frozen reference, the
 * last phase of Constitutional AI.
 *
 * <p>Engine level, no Spring: {@link org.cailab.rl.RlTrainer} runs PPO (value head, GAE, clipped policy and value
 * losses, epochs over minibatches) or RLOO (leave-one-out over k samples per prompt) with rollouts through the
 * engine's batched generation, and checkpoints everything a resume needs; {@link org.cailab.rl.Advantages},
 * {@link org.cailab.rl.PpoLosses} and {@link org.cailab.rl.KlController} are its math;
 * {@link org.cailab.rl.RewardModel} is what it maximizes.
 *
 * <p>Application: the run type {@code rl-cai} trains in segments that each end in a registered RL-CAI snapshot;
 * {@link org.cailab.rl.RlService} keeps each step's metrics and the sample responses of each snapshot for the run
 * page ({@code runs/{id}/rl}). See {@code docs/decisions/0095-rl.md}.
 */
@NullMarked
package org.cailab.rl;

import org.jspecify.annotations.NullMarked;
