package org.cailab.rl;

import org.cailab.pipeline.Run;

/**
 * An RL-CAI run and what it trains: the policy it started from and the snapshot that gives the reward.
 *
 * @param policyName the starting policy snapshot's name
 * @param rewardName the reward (preference or feedback model) snapshot's name
 */
public record RlRunInfo(Run run, RlParameters parameters, String policyName, String rewardName) {

    /** Whether the latest mean KL to the reference is above the run's warning threshold. */
    public boolean klRunningAway(java.util.List<RlStepStats> steps) {
        return !steps.isEmpty() && steps.getLast().meanKl() > parameters.klWarning();
    }
}
