package org.cailab.comparison;

import java.security.SecureRandom;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a researcher configures about a campaign.
 *
 * @param instructions    shown to workers on their first visit and one click away afterwards
 * @param pool            at least two distinct snapshots
 * @param turnLimit       human messages per conversation
 * @param strengthLevels  null for no strength question, else workers rate a preference 1..strengthLevels
 * @param quotaPerWorker  null for no quota, else the number of votes after which a worker is done
 * @param goldRate        share of new conversations that are gold checks (0..1)
 * @param completionCode  shown to a worker who met the quota (the Prolific study's completion code)
 */
public record CampaignSettings(
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

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public CampaignSettings {
        pool = List.copyOf(pool);
    }

    /** A new campaign's settings: the task's default instructions, uniform pairs, 5 turns, tie allowed, closed. */
    public static CampaignSettings defaults(String name, ComparisonTask task, List<PoolSnapshot> pool) {
        return new CampaignSettings(
                name,
                task,
                task.defaultInstructions(),
                pool,
                PairDrawing.UNIFORM,
                5,
                true,
                false,
                null,
                null,
                0.0,
                false,
                randomCompletionCode());
    }

    public CampaignSettings withOpen(boolean newOpen) {
        return new CampaignSettings(
                name,
                task,
                instructions,
                pool,
                pairDrawing,
                turnLimit,
                allowTie,
                allowBothBad,
                strengthLevels,
                quotaPerWorker,
                goldRate,
                newOpen,
                completionCode);
    }

    /** Eight characters without look-alikes (no 0/O, 1/I), as Prolific completion codes usually are. */
    public static String randomCompletionCode() {
        SecureRandom random = new SecureRandom();
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
