package org.cailab.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    @Test
    void rateIsOverTheRecentWindowAndEtaExtrapolatesIt() {
        RunProgress p = RunProgress.of(100, 38, 2, 1, 30, Duration.ofMinutes(3), false);

        assertThat(p.finished()).isEqualTo(40);
        assertThat(p.remaining()).isEqualTo(60);
        assertThat(p.fraction()).isEqualTo(0.4);
        assertThat(p.itemsPerMinute()).isCloseTo(10.0, within(1e-9));
        assertThat(p.eta()).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void endedRunsReportTheirAverageRateAndNoEta() {
        RunProgress p = RunProgress.of(50, 50, 0, 0, 0, Duration.ofMinutes(2), true);

        assertThat(p.itemsPerMinute()).isCloseTo(25.0, within(1e-9));
        assertThat(p.eta()).isNull();
        assertThat(p.fraction()).isEqualTo(1.0);
    }

    @Test
    void noRateBeforeAnythingFinished() {
        RunProgress p = RunProgress.of(10, 0, 0, 0, 0, Duration.ZERO, false);

        assertThat(p.itemsPerMinute()).isZero();
        assertThat(p.eta()).isNull();
        assertThat(RunProgress.of(0, 0, 0, 0, 0, Duration.ZERO, true).fraction())
                .isEqualTo(1.0);
    }
}
