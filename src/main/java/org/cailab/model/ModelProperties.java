package org.cailab.model;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Model engine settings ({@code cailab.models.*}).
 *
 * @param device           {@code cpu} (default) or {@code gpu} / {@code gpu:N} for a CUDA device (needs DJL's CUDA
 *                         libtorch, see the README)
 * @param maxBatchSize     most generation requests the engine batches together per model
 * @param demoEnabled      train the demo models on first start when there are none
 * @param demoSteps        training steps of the demo model (the first snapshot is taken at a third of them)
 * @param remoteBackoff    delay before the first retry of a failed request to a remote backend (doubled each time)
 * @param remoteTakeOut    how long a remote URL that failed three times in a row is left out
 */
@ConfigurationProperties(prefix = "cailab.models")
public record ModelProperties(String device, int maxBatchSize, boolean demoEnabled, int demoSteps,
                              @Nullable Duration remoteBackoff,
                              @Nullable Duration remoteTakeOut) {

    public ModelProperties {
        if (device == null || device.isBlank()) {
            device = "cpu";
        }
        if (maxBatchSize <= 0) {
            maxBatchSize = 8;
        }
        if (demoSteps <= 0) {
            demoSteps = 400;
        }
        if (remoteBackoff == null || remoteBackoff.isNegative()) {
            remoteBackoff = Duration.ofMillis(500);
        }
        if (remoteTakeOut == null || remoteTakeOut.isNegative()) {
            remoteTakeOut = Duration.ofSeconds(30);
        }
    }
}
