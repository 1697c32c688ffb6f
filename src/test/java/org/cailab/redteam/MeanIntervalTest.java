package org.cailab.redteam;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeanIntervalTest {

    @Test
    void tQuantilesMatchTheTables() {
        assertThat(MeanInterval.tQuantile975(1)).isCloseTo(12.7062, within(1e-3));
        assertThat(MeanInterval.tQuantile975(2)).isCloseTo(4.3027, within(1e-3));
        assertThat(MeanInterval.tQuantile975(5)).isCloseTo(2.5706, within(1e-3));
        assertThat(MeanInterval.tQuantile975(10)).isCloseTo(2.2281, within(1e-3));
        assertThat(MeanInterval.tQuantile975(30)).isCloseTo(2.0423, within(1e-3));
        assertThat(MeanInterval.tQuantile975(100_000)).isCloseTo(1.9600, within(1e-3));
    }

    @Test
    void halfWidthIsTTimesStandardError() {
        // ratings 1, 2, 3: mean 2, sd 1, n 3 -> 4.3027 / sqrt(3)
        assertThat(MeanInterval.halfWidth95(3, 1.0)).isCloseTo(4.3027 / Math.sqrt(3), within(1e-3));
        assertThat(MeanInterval.halfWidth95(1, 0.0)).isNaN();
    }
}
