package org.cailab.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Wilson intervals against published values, and the label histogram's bins. */
class AgreementTest {

    @Test
    void wilsonIntervalsMatchPublishedValues() {
        // 8 of 10: 0.4902 to 0.9433; 0 of 10: 0 to 0.2775 (Newcombe 1998, table I, method 3)
        Agreement eight = Agreement.of("p", 10, 8);
        assertThat(eight.rate()).isEqualTo(0.8);
        assertThat(eight.lower()).isCloseTo(0.4902, within(1e-4));
        assertThat(eight.upper()).isCloseTo(0.9433, within(1e-4));
        Agreement none = Agreement.of("p", 10, 0);
        assertThat(none.lower()).isZero();
        assertThat(none.upper()).isCloseTo(0.2775, within(1e-4));
        assertThat(Agreement.of("p", 0, 0).rate()).isNaN();
    }

    @Test
    void histogramBinsCoverZeroToOne() {
        LabellingProgress progress = new LabellingProgress(java.util.List.of(0.0, 0.05, 0.1, 0.5, 0.99, 1.0), 1, 4);
        assertThat(progress.histogram(10)).containsExactly(2, 1, 0, 0, 0, 1, 0, 0, 0, 2);
        assertThat(progress.disagreementRate()).isEqualTo(0.25);
        assertThat(new LabellingProgress(java.util.List.of(), 0, 0).disagreementRate())
                .isNaN();
    }
}
