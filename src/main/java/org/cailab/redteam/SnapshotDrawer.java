package org.cailab.redteam;

import java.util.List;
import java.util.random.RandomGenerator;
import org.cailab.crowdwork.PoolSnapshot;

/** Draws the snapshot of a new attempt: each pool member with probability proportional to its weight. */
final class SnapshotDrawer {

    private SnapshotDrawer() {}

    static PoolSnapshot draw(List<PoolSnapshot> pool, RandomGenerator random) {
        if (pool.isEmpty()) {
            throw new RedTeamException("This campaign has no model to talk with.");
        }
        double total = pool.stream().mapToDouble(PoolSnapshot::weight).sum();
        double point = random.nextDouble() * total;
        for (PoolSnapshot snapshot : pool) {
            point -= snapshot.weight();
            if (point < 0) {
                return snapshot;
            }
        }
        return pool.getLast();
    }
}
