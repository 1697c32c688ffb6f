package org.cailab.crowdwork;

/**
 * A model snapshot in a campaign's pool.
 *
 * @param name   the snapshot's name when it was added (researchers see it; workers never do)
 * @param weight relative weight when a task type draws in proportion to weights; 1 for an ordinary member
 */
public record PoolSnapshot(long snapshotId, String name, double weight) {

    public PoolSnapshot {
        if (!(weight > 0) || weight > 1000) {
            throw new CampaignException("A snapshot's weight must be above 0 and at most 1000.");
        }
    }
}
