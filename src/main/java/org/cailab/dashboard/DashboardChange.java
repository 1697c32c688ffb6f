package org.cailab.dashboard;

import java.util.Set;
import org.cailab.comparison.ComparisonTask;

/**
 * What changed since the last notice to open dashboards.
 *
 * @param tasks   the comparison tasks whose ratings changed (new votes, a worker's exclusion)
 * @param redTeam whether red-team results changed (an attempt rated, a file of attempts imported)
 */
public record DashboardChange(Set<ComparisonTask> tasks, boolean redTeam) {

    public DashboardChange {
        tasks = Set.copyOf(tasks);
    }
}
