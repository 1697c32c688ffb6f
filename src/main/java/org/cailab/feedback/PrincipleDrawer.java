package org.cailab.feedback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.cailab.constitution.FewShotPrinciples;
import org.cailab.constitution.RlPrinciple;

/**
 * Seeded principle draws for feedback labels. The same seed gives the same draws; every draw is uniform over the
 * given principles. The ensemble's question principles are distinct (drawn without replacement); each few-shot's
 * principle is drawn with replacement, independently of the question's and of the other few-shots'.
 */
public final class PrincipleDrawer {

    private PrincipleDrawer() {}

    /**
     * Draws the principles of one label.
     *
     * @param principles the enabled RL principles, in the constitution's order
     * @param ensemble   questions (different principles) per label
     * @param fewShots   few-shot examples per question
     * @param mode       whether few-shots get their own principles
     * @param seed       the label's seed
     * @throws IllegalArgumentException when there are no principles or fewer than {@code ensemble}
     */
    public static List<PrincipleDraw> draw(
            List<RlPrinciple> principles, int ensemble, int fewShots, FewShotPrinciples mode, long seed) {
        if (principles.isEmpty()) {
            throw new IllegalArgumentException("The constitution version has no enabled RL principles to draw from.");
        }
        if (ensemble > principles.size()) {
            throw new IllegalArgumentException("An ensemble of " + ensemble + " principles needs at least as many"
                    + " enabled RL principles; the constitution version has " + principles.size() + ".");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> order = new ArrayList<>(principles.size());
        for (int i = 0; i < principles.size(); i++) {
            order.add(i);
        }
        // a partial Fisher-Yates shuffle: the first `ensemble` positions are a uniform draw without replacement
        for (int i = 0; i < ensemble; i++) {
            Collections.swap(order, i, i + random.nextInt(principles.size() - i));
        }
        List<PrincipleDraw> draws = new ArrayList<>(ensemble);
        for (int m = 0; m < ensemble; m++) {
            RlPrinciple principle = principles.get(order.get(m));
            List<RlPrinciple> shots = new ArrayList<>(fewShots);
            for (int s = 0; s < fewShots; s++) {
                shots.add(
                        mode == FewShotPrinciples.INDEPENDENT
                                ? principles.get(random.nextInt(principles.size()))
                                : principle);
            }
            draws.add(new PrincipleDraw(principle, shots));
        }
        return draws;
    }
}
