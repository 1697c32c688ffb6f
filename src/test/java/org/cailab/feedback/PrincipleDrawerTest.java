package org.cailab.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.cailab.constitution.FewShotPrinciples;
import org.cailab.constitution.RlPrinciple;
import org.junit.jupiter.api.Test;

class PrincipleDrawerTest {

    static final List<RlPrinciple> PRINCIPLES = IntStream.range(0, 6)
            .mapToObj(i -> new RlPrinciple("p" + i, "Which response is better by rule " + i + "?", true))
            .toList();
    static final int DRAWS = 10_000;
    // chi-square critical values at the 0.001 level: a correct drawer fails one run in a thousand seeds; the seeds
    // here are fixed, so the test is deterministic
    static final double CRITICAL_DF5 = 20.515;
    static final double CRITICAL_DF25 = 52.620;

    @Test
    void questionPrinciplesAreUniform() {
        long[] counts = new long[PRINCIPLES.size()];
        for (int i = 0; i < DRAWS; i++) {
            counts[
                    index(PrincipleDrawer.draw(PRINCIPLES, 1, 0, FewShotPrinciples.INDEPENDENT, seed(i))
                            .getFirst()
                            .principle())]++;
        }
        assertThat(chiSquareUniform(counts)).isLessThan(CRITICAL_DF5);
    }

    @Test
    void fewShotPrinciplesAreUniformAndIndependentOfTheQuestions() {
        long[][] joint = new long[PRINCIPLES.size()][PRINCIPLES.size()];
        long[] shotCounts = new long[PRINCIPLES.size()];
        int same = 0;
        for (int i = 0; i < DRAWS; i++) {
            PrincipleDraw draw = PrincipleDrawer.draw(PRINCIPLES, 1, 3, FewShotPrinciples.INDEPENDENT, seed(i))
                    .getFirst();
            int question = index(draw.principle());
            int shot = index(draw.fewShotPrinciples().getFirst());
            joint[question][shot]++;
            shotCounts[shot]++;
            if (question == shot) {
                same++;
            }
        }
        assertThat(chiSquareUniform(shotCounts)).isLessThan(CRITICAL_DF5);
        assertThat(chiSquareIndependence(joint)).isLessThan(CRITICAL_DF25);
        // independent draws coincide with the question's 1/6 of the time (not always, as they did before)
        assertThat(same).isBetween(DRAWS / 6 - 250, DRAWS / 6 + 250);
    }

    @Test
    void theOldBehaviourShowsEveryFewShotUnderTheQuestionsPrinciple() {
        for (int i = 0; i < 100; i++) {
            PrincipleDraw draw = PrincipleDrawer.draw(PRINCIPLES, 2, 4, FewShotPrinciples.QUESTION, seed(i))
                    .get(1);
            assertThat(draw.fewShotPrinciples()).hasSize(4).containsOnly(draw.principle());
        }
    }

    @Test
    void drawsAreSeededAndAnEnsembleHasDistinctPrinciples() {
        assertThat(PrincipleDrawer.draw(PRINCIPLES, 3, 2, FewShotPrinciples.INDEPENDENT, 77L))
                .isEqualTo(PrincipleDrawer.draw(PRINCIPLES, 3, 2, FewShotPrinciples.INDEPENDENT, 77L));
        for (int i = 0; i < 200; i++) {
            List<PrincipleDraw> draws = PrincipleDrawer.draw(PRINCIPLES, 6, 0, FewShotPrinciples.INDEPENDENT, seed(i));
            assertThat(draws).extracting(PrincipleDraw::principle).containsExactlyInAnyOrderElementsOf(PRINCIPLES);
        }
    }

    @Test
    void impossibleDrawsSayWhy() {
        assertThatThrownBy(() -> PrincipleDrawer.draw(List.of(), 1, 0, FewShotPrinciples.INDEPENDENT, 1L))
                .hasMessageContaining("no enabled RL principles");
        assertThatThrownBy(() -> PrincipleDrawer.draw(PRINCIPLES, 7, 0, FewShotPrinciples.INDEPENDENT, 1L))
                .hasMessageContaining("ensemble of 7")
                .hasMessageContaining("has 6");
    }

    /** Seeds as a run derives them: consecutive item seeds, not chosen for the test. */
    private static long seed(int i) {
        return 1_000_003L * i + 17;
    }

    private static int index(RlPrinciple principle) {
        return PRINCIPLES.indexOf(principle);
    }

    private static double chiSquareUniform(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double expected = (double) total / counts.length;
        double sum = 0;
        for (long c : counts) {
            sum += (c - expected) * (c - expected) / expected;
        }
        return sum;
    }

    private static double chiSquareIndependence(long[][] joint) {
        int rows = joint.length;
        int cols = joint[0].length;
        double[] rowSums = new double[rows];
        double[] colSums = new double[cols];
        double total = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                rowSums[r] += joint[r][c];
                colSums[c] += joint[r][c];
                total += joint[r][c];
            }
        }
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double expected = rowSums[r] * colSums[c] / total;
                sum += (joint[r][c] - expected) * (joint[r][c] - expected) / expected;
            }
        }
        return sum;
    }
}
