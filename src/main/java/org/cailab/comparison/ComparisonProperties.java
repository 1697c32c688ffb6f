package org.cailab.comparison;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the comparison feature ({@code cailab.comparison.*}).
 *
 * @param maxNewTokens      longest answer a model may give in a comparison
 * @param generationTimeout a comparison whose answers take longer fails, and the worker may send again
 * @param streamInterval    how often streamed text is pushed to a worker's page while the answers are generated
 */
@ConfigurationProperties(prefix = "cailab.comparison")
public record ComparisonProperties(int maxNewTokens, Duration generationTimeout, Duration streamInterval) {

    public ComparisonProperties {
        if (maxNewTokens <= 0) {
            maxNewTokens = 200;
        }
        if (generationTimeout == null) {
            generationTimeout = Duration.ofMinutes(3);
        }
        if (streamInterval == null) {
            streamInterval = Duration.ofMillis(80);
        }
    }
}
