package org.cailab.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class HarmEvalSummaryTest {

    @Test
    void percentileInterpolatesLikeNumpy() {
        // numpy.percentile([1, 2, 3, 4], [2.5, 25, 97.5]) = [1.075, 1.75, 3.925]
        double[] sorted = {1, 2, 3, 4};
        assertThat(HarmEvalSummary.percentile(sorted, 0.025)).isCloseTo(1.075, Offset.offset(1e-12));
        assertThat(HarmEvalSummary.percentile(sorted, 0.25)).isCloseTo(1.75, Offset.offset(1e-12));
        assertThat(HarmEvalSummary.percentile(sorted, 0.975)).isCloseTo(3.925, Offset.offset(1e-12));
    }

    @Test
    void meanOfPromptMeansAndABootstrapIntervalCloseToTheNormalApproximation() {
        Random random = new Random(9);
        List<HarmEvalItem> items = new ArrayList<>();
        double[] promptMeans = new double[200];
        for (int p = 0; p < promptMeans.length; p++) {
            double level = 2 + random.nextGaussian();
            List<HarmEvalSample> samples = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                double score = level + 0.3 * random.nextGaussian();
                samples.add(new HarmEvalSample(7, "policy", i, i, " answer", score));
                promptMeans[p] += score / 4;
            }
            items.add(new HarmEvalItem(p, "\n\nHuman: q\n\nAssistant:", samples));
        }
        HarmEvalSummary s = HarmEvalSummary.of(items, 1).getFirst();
        double mean = 0;
        for (double m : promptMeans) {
            mean += m / promptMeans.length;
        }
        double variance = 0;
        for (double m : promptMeans) {
            variance += (m - mean) * (m - mean) / (promptMeans.length - 1);
        }
        double half = 1.959964 * Math.sqrt(variance / promptMeans.length);
        assertThat(s.prompts()).isEqualTo(200);
        assertThat(s.samples()).isEqualTo(800);
        assertThat(s.mean()).isCloseTo(mean, Offset.offset(1e-12));
        // with 200 prompts the bootstrap percentiles are close to mean -/+ 1.96 standard errors
        assertThat(s.ciLow()).isCloseTo(mean - half, Offset.offset(0.15 * half));
        assertThat(s.ciHigh()).isCloseTo(mean + half, Offset.offset(0.15 * half));
        assertThat(HarmEvalSummary.of(items, 1))
                .as("seeded: the same interval again")
                .containsExactly(s);
    }

    @Test
    void onePromptHasNoInterval() {
        HarmEvalItem item = new HarmEvalItem(
                0,
                "c",
                List.of(new HarmEvalSample(3, "x", 0, 0, " a", 1.5), new HarmEvalSample(3, "x", 1, 1, " b", 2.5)));
        HarmEvalSummary s = HarmEvalSummary.of(List.of(item), 0).getFirst();
        assertThat(s.mean()).isEqualTo(2.0);
        assertThat(s.ciLow()).isNull();
    }
}
