package org.cailab.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerQualityTest {

    private static WorkerQuality worker(long votes, Duration median, long fast) {
        return new WorkerQuality(1, "w", votes, median, 0, 0, null, votes, 0.5, 0, false, fast);
    }

    @Test
    void aFastMedianOrManyFastVotesAreFlaggedAndCarefulWorkIsNot() {
        assertThat(worker(20, Duration.ofMillis(800), 15).implausiblyFast()).isTrue();
        assertThat(worker(20, Duration.ofSeconds(9), 6).implausiblyFast())
                .as("30% under 2 s")
                .isTrue();
        assertThat(worker(20, Duration.ofSeconds(9), 5).implausiblyFast())
                .as("a quarter is tolerated")
                .isFalse();
        assertThat(worker(20, Duration.ofSeconds(9), 0).implausiblyFast()).isFalse();
        assertThat(new WorkerQuality(1, "w", 0, null, 0, 0, null, 0, null, 0, false, 0).implausiblyFast())
                .isFalse();
    }
}
