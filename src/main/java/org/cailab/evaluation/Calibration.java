package org.cailab.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy and calibration of a set of answered items: 10 equal-width bins of the top probability with their
 * counts, mean confidence and accuracy, and the expected calibration error {@code ECE = sum over bins of
 * (count / n) * |accuracy - mean confidence|}.
 *
 * @param n        items
 * @param accuracy share answered correctly
 * @param ece      expected calibration error
 * @param bins     10 bins, from [0, 0.1) to [0.9, 1]
 */
public record Calibration(int n, double accuracy, double ece, List<CalibrationBin> bins) {

    public static final int BINS = 10;

    public Calibration {
        bins = List.copyOf(bins);
    }

    /** The calibration of the given results. */
    public static Calibration of(List<ItemResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no results to summarise");
        }
        int[] counts = new int[BINS];
        double[] confidence = new double[BINS];
        int[] correct = new int[BINS];
        int allCorrect = 0;
        for (ItemResult r : results) {
            int bin = bin(r.confidence());
            counts[bin]++;
            confidence[bin] += r.confidence();
            if (r.correct()) {
                correct[bin]++;
                allCorrect++;
            }
        }
        int n = results.size();
        double ece = 0;
        List<CalibrationBin> bins = new ArrayList<>(BINS);
        for (int b = 0; b < BINS; b++) {
            if (counts[b] == 0) {
                bins.add(new CalibrationBin(b / (double) BINS, (b + 1) / (double) BINS, 0, null, null));
                continue;
            }
            double meanConfidence = confidence[b] / counts[b];
            double accuracy = correct[b] / (double) counts[b];
            ece += counts[b] / (double) n * Math.abs(accuracy - meanConfidence);
            bins.add(new CalibrationBin(
                    b / (double) BINS, (b + 1) / (double) BINS, counts[b], meanConfidence, accuracy));
        }
        return new Calibration(n, allCorrect / (double) n, ece, bins);
    }

    /** The bin of a probability: {@code floor(10 p)}, with 1 in the last bin. */
    static int bin(double probability) {
        return Math.min(BINS - 1, Math.max(0, (int) Math.floor(probability * BINS)));
    }
}
