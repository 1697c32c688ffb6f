package org.cailab.crowdwork;

import java.security.SecureRandom;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every crowdwork campaign has, whatever its task: the part of its settings that the shared campaign code
 * validates, stores and shows; a task type's settings add their own part next to it.
 *
 * @param instructions   shown to workers on their first visit and one click away afterwards
 * @param pool           the model snapshots the campaign draws from
 * @param turnLimit      the worker's messages per conversation or attempt
 * @param quotaPerWorker null for no quota, else the number of finished units (votes, rated attempts) after which a
 *                       worker is done
 * @param completionCode shown to a worker who met the quota (the Prolific study's completion code)
 */
public record CampaignBasics(
        String name,
        String instructions,
        List<PoolSnapshot> pool,
        int turnLimit,
        @Nullable Integer quotaPerWorker,
        boolean open,
        String completionCode) {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public CampaignBasics {
        pool = List.copyOf(pool);
    }

    public CampaignBasics withOpen(boolean newOpen) {
        return new CampaignBasics(name, instructions, pool, turnLimit, quotaPerWorker, newOpen, completionCode);
    }

    /** Whether a worker with {@code done} finished units has met the quota (never, without one). */
    public boolean quotaMet(long done) {
        return quotaPerWorker != null && done >= quotaPerWorker;
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
