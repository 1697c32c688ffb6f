package org.cailab.pipeline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the run engine ({@code cailab.pipeline.*}).
 *
 * @param workerEnabled     whether this instance processes runs; an instance with {@code false} still starts,
 *                          pauses and shows them (a web-only node)
 * @param instanceName      this instance's name in leases and logs; default host name and process id
 * @param threads           worker threads of this instance: how many run workers it executes at once
 * @param pollInterval      how often this instance looks for runs to work on
 * @param heartbeatInterval how often a busy worker tells the database it is alive
 * @param missedHeartbeats  heartbeats missed before another instance (or this one, restarted) takes a worker over (at least 4)
 * @param lease             how long an item claim lasts without renewal; a claim of a killed instance expires after it
 * @param idleWait          how long a worker waits before looking again when the remaining items are busy elsewhere
 * @param reconcileInterval how often an instance checks that every active run has its workers scheduled
 * @param shutdownMaxWait   how long a stopping instance waits for items in progress
 */
@ConfigurationProperties(prefix = "cailab.pipeline")
public record PipelineProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("") String instanceName,
        @DefaultValue("4") int threads,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("4") int missedHeartbeats,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("500ms") Duration idleWait,
        @DefaultValue("30s") Duration reconcileInterval,
        @DefaultValue("10s") Duration shutdownMaxWait) {

    public PipelineProperties {
        instanceName = instanceName == null || instanceName.isBlank() ? defaultInstanceName() : instanceName.strip();
        threads = Math.max(1, threads);
        missedHeartbeats = Math.max(4, missedHeartbeats); // db-scheduler refuses fewer
    }

    private static String defaultInstanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
