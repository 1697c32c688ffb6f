package org.cailab.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the dashboards ({@code cailab.dashboard.*}).
 *
 * @param btPrior     L2 prior on Bradley-Terry log-odds strengths. Negligible once there are many votes, but it keeps
 *                    a snapshot that never lost at a finite rating while there are few (0.1 is a normal prior with a
 *                    standard deviation of about 3 logits, about 550 Elo points)
 * @param updateDelay votes arriving within this time after one another refresh the open dashboards once
 */
@ConfigurationProperties(prefix = "cailab.dashboard")
public record DashboardProperties(Double btPrior, Duration updateDelay) {

    public DashboardProperties {
        if (btPrior == null) {
            btPrior = 0.1;
        }
        if (!(btPrior >= 0) || btPrior.isInfinite()) {
            throw new IllegalArgumentException("cailab.dashboard.bt-prior must be a finite number >= 0");
        }
        if (updateDelay == null) {
            updateDelay = Duration.ofMillis(300);
        }
    }
}
