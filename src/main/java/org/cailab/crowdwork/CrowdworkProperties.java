package org.cailab.crowdwork;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Settings of live answers on worker pages ({@code cailab.crowdwork.*}; the former {@code cailab.comparison.*} keys
 * are still read, with a deprecation warning, see {@code CrowdworkConfiguration}).
 *
 * @param maxNewTokens      longest answer a model may give on a worker's page (the server's
 *                          {@code CAILAB_MAX_LIVE_NEW_TOKENS} still caps every live request)
 * @param generationTimeout a turn whose answers take longer fails, and the worker may send again
 * @param streamInterval    how often streamed text is pushed to a worker's page while the answers are generated
 */
public record CrowdworkProperties(int maxNewTokens, Duration generationTimeout, Duration streamInterval) {

    public CrowdworkProperties(
            int maxNewTokens, @Nullable Duration generationTimeout, @Nullable Duration streamInterval) {
        this.maxNewTokens = maxNewTokens <= 0 ? 200 : maxNewTokens;
        this.generationTimeout = generationTimeout == null ? Duration.ofMinutes(3) : generationTimeout;
        this.streamInterval = streamInterval == null ? Duration.ofMillis(80) : streamInterval;
    }
}
