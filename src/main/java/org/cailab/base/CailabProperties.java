package org.cailab.base;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Application-wide settings.
 *
 * @param dataDir       where the app keeps its state (embedded database, models, checkpoints); {@code CAILAB_DATA_DIR}
 * @param publicBaseUrl the address participants reach this server at, for the study links shown to researchers
 *                      ({@code CAILAB_PUBLIC_URL}, e.g. {@code https://cai.example.org}); empty: the address the
 *                      researcher's browser uses
 */
@ConfigurationProperties(prefix = "cailab")
public record CailabProperties(
        Path dataDir, @org.jspecify.annotations.Nullable String publicBaseUrl) {

    public CailabProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? null
                : publicBaseUrl.strip().replaceAll("/+$", "");
    }
}
