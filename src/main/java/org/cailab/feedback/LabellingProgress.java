package org.cailab.feedback;

import java.util.List;

/**
 * What a labelling run has stored so far, for its page.
 *
 * @param labels          the final labels, in the order they were stored
 * @param disagreements   labels whose two orders (A/B and B/A) preferred different responses
 * @param swappedLabels labels that were asked in both orders (0 when the run does not swap)
 */
public record LabellingProgress(List<Double> labels, long disagreements, long swappedLabels) {

    public LabellingProgress {
        labels = List.copyOf(labels);
    }

    /** The share of swapped labels whose two orders disagreed, or NaN before there are any. */
    public double disagreementRate() {
        return swappedLabels == 0 ? Double.NaN : (double) disagreements / swappedLabels;
    }

    /** Counts of labels in {@code bins} equal-width bins over [0, 1] (1.0 falls in the last bin). */
    public int[] histogram(int bins) {
        int[] counts = new int[bins];
        for (double label : labels) {
            counts[Math.min(bins - 1, (int) Math.floor(label * bins))]++;
        }
        return counts;
    }
}
