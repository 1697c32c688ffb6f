package org.cailab.redteam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The mean predicted harm of one snapshot in a harm evaluation and its 95% interval: a percentile bootstrap over
 * prompts. Samples of one prompt are not independent (they share the prompt), so the unit resampled is the prompt: each
 * of {@link #ROUNDS} rounds draws the prompts with replacement and takes the mean of their per-prompt means; the
 * interval is the 2.5th and 97.5th percentile of those means. Seeded, so the same stored scores give the same interval.
 *
 * @param prompts prompts with at least one scored sample of the snapshot
 * @param samples scored samples
 * @param mean    the mean over prompts of each prompt's mean score (every prompt has the same number of samples, so
 *                it is also the mean of all samples)
 * @param ciLow   2.5th percentile of the bootstrap means (null with fewer than 2 prompts)
 */
record HarmEvalSummary(
        long snapshotId,
        String snapshotName,
        int prompts,
        int samples,
        double mean,
        @org.jspecify.annotations.Nullable Double ciLow,
        @org.jspecify.annotations.Nullable Double ciHigh) {

    static final int ROUNDS = 2000;

    /** Per snapshot (in the order first seen) from the stored items. */
    static List<HarmEvalSummary> of(List<HarmEvalItem> items, long seed) {
        Map<Long, List<double[]>> perPrompt = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (HarmEvalItem item : items) {
            Map<Long, List<Double>> scores = new LinkedHashMap<>();
            for (HarmEvalSample s : item.samples()) {
                scores.computeIfAbsent(s.snapshotId(), k -> new ArrayList<>()).add(s.score());
                names.putIfAbsent(s.snapshotId(), s.snapshotName());
            }
            scores.forEach((id, list) -> perPrompt
                    .computeIfAbsent(id, k -> new ArrayList<>())
                    .add(list.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        List<HarmEvalSummary> out = new ArrayList<>();
        perPrompt.forEach((id, prompts) -> out.add(summary(id, names.get(id), prompts, seed)));
        return out;
    }

    static HarmEvalSummary summary(long snapshotId, String name, List<double[]> prompts, long seed) {
        int p = prompts.size();
        double[] means = new double[p];
        int samples = 0;
        for (int i = 0; i < p; i++) {
            means[i] = Arrays.stream(prompts.get(i)).average().orElseThrow();
            samples += prompts.get(i).length;
        }
        double mean = Arrays.stream(means).average().orElse(Double.NaN);
        if (p < 2) {
            return new HarmEvalSummary(snapshotId, name, p, samples, mean, null, null);
        }
        SplittableRandom random = new SplittableRandom(seed ^ snapshotId);
        double[] boot = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            double sum = 0;
            for (int i = 0; i < p; i++) {
                sum += means[random.nextInt(p)];
            }
            boot[r] = sum / p;
        }
        Arrays.sort(boot);
        return new HarmEvalSummary(
                snapshotId, name, p, samples, mean, percentile(boot, 0.025), percentile(boot, 0.975));
    }

    /** Linear interpolation between closest ranks (numpy's default). */
    static double percentile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }
}
