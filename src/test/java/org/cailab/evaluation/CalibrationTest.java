package org.cailab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void binsCountsMeanConfidenceAccuracyAndEceOnHandMadeAnswers() {
        List<ItemResult> results = new ArrayList<>();
        results.add(result(0.55, true));
        results.add(result(0.58, false));
        results.add(result(0.52, false));
        results.add(result(0.95, true));
        results.add(result(1.0, true));
        results.add(result(0.71, true));

        Calibration c = Calibration.of(results);

        assertThat(c.n()).isEqualTo(6);
        assertThat(c.accuracy()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(c.bins())
                .hasSize(10)
                .extracting(CalibrationBin::count)
                .containsExactly(0, 0, 0, 0, 0, 3, 0, 1, 0, 2);
        CalibrationBin fifth = c.bins().get(5);
        assertThat(fifth.lower()).isEqualTo(0.5);
        assertThat(fifth.upper()).isEqualTo(0.6);
        assertThat(fifth.meanConfidence()).isCloseTo((0.55 + 0.58 + 0.52) / 3, within(1e-12));
        assertThat(fifth.accuracy()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(c.bins().get(9).meanConfidence()).isCloseTo(0.975, within(1e-12));
        assertThat(c.bins().get(0).meanConfidence()).isNull();
        double ece = 3 / 6.0 * Math.abs(1 / 3.0 - 0.55) + 1 / 6.0 * Math.abs(1 - 0.71) + 2 / 6.0 * Math.abs(1 - 0.975);
        assertThat(c.ece()).isCloseTo(ece, within(1e-12));
    }

    @Test
    void binEdgesBelongToTheUpperBinAndOneToTheLast() {
        assertThat(Calibration.bin(0.5)).isEqualTo(5);
        assertThat(Calibration.bin(0.0999)).isEqualTo(0);
        assertThat(Calibration.bin(1.0)).isEqualTo(9);
        assertThat(Calibration.bin(0.7)).isEqualTo(7);
    }

    private static ItemResult result(double confidence, boolean correct) {
        return new ItemResult(
                0,
                Map.of(" (A)", confidence, " (B)", 1 - confidence),
                Map.of(),
                correct,
                confidence,
                List.of(),
                List.of());
    }
}
