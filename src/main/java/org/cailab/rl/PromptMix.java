package org.cailab.rl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The prompts of each RL step, a pure function of the step: red-team and helpfulness prompts interleaved at a fixed
 * ratio (the k-th prompt overall is a helpfulness one when {@code floor((k + 1) r) > floor(k r)}, which keeps the
 * share exact at every prefix), each source shuffled once with the seed and cycled. The data position of a run is
 * therefore just its step.
 */
public final class PromptMix {

    private final List<String> redTeam;
    private final List<String> helpful;
    private final double helpfulRatio;

    public PromptMix(List<String> redTeam, List<String> helpful, double helpfulRatio, long seed) {
        if (redTeam.isEmpty() && helpful.isEmpty()) {
            throw new IllegalArgumentException("no prompts to train on");
        }
        this.redTeam = shuffled(redTeam, seed);
        this.helpful = shuffled(helpful, seed + 1);
        this.helpfulRatio = helpful.isEmpty() ? 0 : redTeam.isEmpty() ? 1 : helpfulRatio;
    }

    /** The prompts of a 0-based step. */
    public List<String> step(int step, int promptsPerStep) {
        List<String> out = new ArrayList<>();
        for (long k = (long) step * promptsPerStep; k < (long) (step + 1) * promptsPerStep; k++) {
            long helpfulBefore = (long) Math.floor(k * helpfulRatio);
            boolean isHelpful = (long) Math.floor((k + 1) * helpfulRatio) > helpfulBefore;
            out.add(
                    isHelpful
                            ? helpful.get((int) (helpfulBefore % helpful.size()))
                            : redTeam.get((int) ((k - helpfulBefore) % redTeam.size())));
        }
        return out;
    }

    private static List<String> shuffled(List<String> prompts, long seed) {
        List<String> copy = new ArrayList<>(prompts);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }
}
