package org.cailab.model;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Model engine settings ({@code cailab.models.*}).
 *
 * @param device             {@code cpu} (default) or {@code gpu} / {@code gpu:N} for a CUDA device (needs DJL's CUDA
 *                           libtorch, see the README)
 * @param maxBatchSize       most rows generating together per model (continuous batching; default 16)
 * @param demoEnabled        train the demo models on first start when there are none
 * @param demoSteps          training steps of the demo model (the first snapshot is taken at a third of them)
 * @param maxQueuedLive      live requests waiting per model before new ones are refused as busy (default 64)
 * @param maxQueuedPipeline  pipeline requests waiting per model before new ones are refused as busy (default 512)
 * @param maxInFlightPerUser live requests of one user running at once (default 2: a comparison's two answers)
 * @param idleUnload         a loaded model nobody used for this long is unloaded (default 30 minutes; 0 = never)
 * @param maxLoaded          the most models loaded at once; loading one more unloads the least recently used idle
 *                           one (default 4)
 * @param remoteBackoff      delay before the first retry of a failed request to a remote backend (doubled each time)
 * @param remoteTakeOut      how long a remote URL that failed three times in a row is left out
 * @param maxLiveNewTokens   the most new tokens one live request (playground, comparison or red-team answer) may ask
 *                           for; more is refused (default 2048)
 */
@ConfigurationProperties(prefix = "cailab.models")
public record ModelProperties(
        String device,
        int maxBatchSize,
        boolean demoEnabled,
        int demoSteps,
        int maxQueuedLive,
        int maxQueuedPipeline,
        int maxInFlightPerUser,
        Duration idleUnload,
        int maxLoaded,
        @Nullable Duration remoteBackoff,
        @Nullable Duration remoteTakeOut,
        int maxLiveNewTokens) {

    public ModelProperties {
        if (device == null || device.isBlank()) {
            device = "cpu";
        }
        if (maxBatchSize <= 0) {
            maxBatchSize = 16;
        }
        if (demoSteps <= 0) {
            demoSteps = 400;
        }
        if (maxQueuedLive <= 0) {
            maxQueuedLive = 64;
        }
        if (maxQueuedPipeline <= 0) {
            maxQueuedPipeline = 512;
        }
        if (maxInFlightPerUser <= 0) {
            maxInFlightPerUser = 2;
        }
        if (idleUnload == null || idleUnload.isNegative()) {
            idleUnload = Duration.ofMinutes(30);
        }
        if (maxLoaded <= 0) {
            maxLoaded = 4;
        }
        if (remoteBackoff == null || remoteBackoff.isNegative()) {
            remoteBackoff = Duration.ofMillis(500);
        }
        if (remoteTakeOut == null || remoteTakeOut.isNegative()) {
            remoteTakeOut = Duration.ofSeconds(30);
        }
        if (maxLiveNewTokens <= 0) {
            maxLiveNewTokens = 2048;
        }
    }
}
