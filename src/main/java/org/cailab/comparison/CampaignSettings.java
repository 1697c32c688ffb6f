package org.cailab.comparison;

import java.util.List;
import org.cailab.crowdwork.CampaignBasics;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.crowdwork.TaskCampaign;
import org.jspecify.annotations.Nullable;

/**
 * Everything a researcher configures about a campaign: what every crowdwork campaign has (name, instructions, pool
 * of at least two distinct snapshots, turns per conversation, quota in votes, completion code) and how this one
 * compares.
 */
public record CampaignSettings(CampaignBasics basics, Rules rules) implements TaskCampaign.Settings<CampaignSettings> {

    /**
     * How a comparison campaign asks.
     *
     * @param strengthLevels null for no strength question, else workers rate a preference 1..strengthLevels
     * @param goldRate       share of new conversations that are gold checks (0..1)
     */
    public record Rules(
            ComparisonTask task,
            PairDrawing pairDrawing,
            boolean allowTie,
            boolean allowBothBad,
            @Nullable Integer strengthLevels,
            double goldRate) {}

    /** All settings at once, in the order of the settings form. */
    public CampaignSettings(
            String name,
            ComparisonTask task,
            String instructions,
            List<PoolSnapshot> pool,
            PairDrawing pairDrawing,
            int turnLimit,
            boolean allowTie,
            boolean allowBothBad,
            @Nullable Integer strengthLevels,
            @Nullable Integer quotaPerWorker,
            double goldRate,
            boolean open,
            String completionCode) {
        this(
                new CampaignBasics(name, instructions, pool, turnLimit, quotaPerWorker, open, completionCode),
                new Rules(task, pairDrawing, allowTie, allowBothBad, strengthLevels, goldRate));
    }

    /** A new campaign's settings: the task's default instructions, uniform pairs, 5 turns, tie allowed, closed. */
    public static CampaignSettings defaults(String name, ComparisonTask task, List<PoolSnapshot> pool) {
        return new CampaignSettings(
                new CampaignBasics(
                        name, task.defaultInstructions(), pool, 5, null, false, CampaignBasics.randomCompletionCode()),
                new Rules(task, PairDrawing.UNIFORM, true, false, null, 0.0));
    }

    @Override
    public CampaignSettings withOpen(boolean newOpen) {
        return new CampaignSettings(basics.withOpen(newOpen), rules);
    }

    public ComparisonTask task() {
        return rules.task();
    }

    public PairDrawing pairDrawing() {
        return rules.pairDrawing();
    }

    public boolean allowTie() {
        return rules.allowTie();
    }

    public boolean allowBothBad() {
        return rules.allowBothBad();
    }

    public @Nullable Integer strengthLevels() {
        return rules.strengthLevels();
    }

    public double goldRate() {
        return rules.goldRate();
    }
}
