package org.cailab.comparison;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Everything a vote row stores, so that the vote is complete on its own: who voted where, what they were shown, what
 * they chose, and how the vote fares in the quality checks.
 */
record NewVote(Origin origin, Shown shown, Answer answer, Checks checks) {

    /**
     * Where the vote comes from.
     *
     * @param idempotencyKey the page's key for this vote, so that a resent vote is recorded once
     */
    record Origin(long turnId, String idempotencyKey, long campaignId, long conversationId, long workerId) {}

    /**
     * What the worker compared.
     *
     * @param conversation the conversation up to the compared answers, as the models saw it
     * @param shownAt      when both answers were complete and shown (the start of the time to vote)
     */
    record Shown(ComparisonTask task, String conversation, ShownAnswer a, ShownAnswer b, OffsetDateTime shownAt) {}

    /** One side's answer and the snapshot that wrote it (no snapshot for a gold item's pre-written answers). */
    record ShownAnswer(
            String text,
            @Nullable Long snapshotId,
            @Nullable String snapshotName) {}

    /**
     * The worker's choice.
     *
     * @param strength       null unless the campaign asks how strong a preference is and one side was preferred
     * @param strengthLevels the scale {@code strength} was asked on
     * @param continuedSide  the answer the conversation continues with
     */
    record Answer(
            Choice choice,
            @Nullable Integer strength,
            @Nullable Integer strengthLevels,
            Side continuedSide) {}

    /**
     * The quality checks.
     *
     * @param goldItemId    the gold item this conversation asked, if it was a gold check
     * @param goldCorrect   null unless a gold check: whether the worker preferred the known better answer
     * @param identityLeak  whether an answer named the model that wrote it
     */
    record Checks(@Nullable Long goldItemId, @Nullable Boolean goldCorrect, boolean identityLeak) {}
}
