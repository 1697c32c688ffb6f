package org.cailab.crowdwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The settings moved from cailab.comparison.* to cailab.crowdwork.*; the old keys must keep working. */
class CrowdworkConfigurationTest {

    @Test
    void defaultsWhenNothingIsSet() {
        CrowdworkProperties properties = CrowdworkConfiguration.bind(new MockEnvironment());
        assertThat(properties).isEqualTo(new CrowdworkProperties(200, Duration.ofMinutes(3), Duration.ofMillis(80)));
    }

    @Test
    void theDeprecatedKeysAreReadWhenTheNewOnesAreMissing() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("cailab.comparison.max-new-tokens", "64")
                .withProperty("cailab.comparison.generation-timeout", "45s")
                .withProperty("cailab.comparison.stream-interval", "20ms");
        assertThat(CrowdworkConfiguration.bind(environment))
                .isEqualTo(new CrowdworkProperties(64, Duration.ofSeconds(45), Duration.ofMillis(20)));
    }

    @Test
    void theNewKeysWin() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("cailab.comparison.max-new-tokens", "64")
                .withProperty("cailab.crowdwork.max-new-tokens", "128")
                .withProperty("cailab.comparison.stream-interval", "20ms")
                .withProperty("cailab.crowdwork.stream-interval", "1s");
        assertThat(CrowdworkConfiguration.bind(environment))
                .isEqualTo(new CrowdworkProperties(128, Duration.ofMinutes(3), Duration.ofSeconds(1)));
    }
}
