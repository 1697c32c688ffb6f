package org.cailab.base;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Application-wide settings.
 *
 * @param dataDir where the app keeps its state (embedded database, models, checkpoints); {@code CAILAB_DATA_DIR}
 */
@ConfigurationProperties(prefix = "cailab")
public record CailabProperties(Path dataDir) {

    public CailabProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
    }
}
