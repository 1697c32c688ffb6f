package org.cailab.comparison;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cailab.crowdwork.TurnOwner;
import org.cailab.dialogue.Exchange;
import org.jspecify.annotations.Nullable;

/** Persistence of conversations, turns and votes; used only inside the services' transactions. */
interface ConversationRepository {

    Optional<StoredConversation> findActive(long campaignId, long workerId);

    Optional<StoredConversation> findConversation(long id);

    StoredConversation insertConversation(long campaignId, long workerId, @Nullable Long goldItemId);

    void setStatus(long conversationId, ConversationStatus status);

    /** Counts a voted turn; completes the conversation when {@code complete}. Returns the conversation as updated. */
    StoredConversation countVotedTurn(long conversationId, boolean complete);

    /** The voted turns in order, each with the answer that continued the conversation. */
    List<Exchange> exchanges(long conversationId);

    /** The turn waiting for its answers or its vote. */
    Optional<StoredTurn> pendingTurn(long conversationId);

    Optional<StoredTurn> findTurn(long turnId);

    /** The turn, locked until the transaction ends. */
    Optional<StoredTurn> lockTurn(long turnId);

    /** The worker who owns the turn's conversation, and its campaign. */
    Optional<TurnOwner> turnOwner(long turnId);

    StoredTurn insertTurn(long conversationId, int index, String humanMessage, String prompt, PairDrawer.Pair pair);

    /** A gold check's single turn, ready at once. */
    StoredTurn insertGoldTurn(
            long conversationId, String humanMessage, String prompt, String answerA, String answerB, Side betterSide);

    /** GENERATING to READY with both answers; false when the turn is no longer generating (abandoned). */
    boolean completeTurn(long turnId, String answerA, String answerB, boolean leakA, boolean leakB);

    boolean failTurn(long turnId, String reason);

    void abandonPendingTurns(long conversationId);

    void markVoted(long turnId);

    Optional<StoredVote> voteForTurn(long turnId);

    /** Inserts the vote unless the turn has one already (empty then). */
    Optional<StoredVote> insertVote(NewVote vote);

    int countVotes(long campaignId, long workerId);

    Set<Long> answeredGoldItems(long campaignId, long workerId);

    List<RatingVote> ratingVotes(ComparisonTask task, RatingFilter filter);

    List<PairVote> pairVotes(RatingFilter filter);

    List<QualityRow> quality(@Nullable Long campaignId, long fastVoteMillis);

    Set<Long> excludedWorkers();

    boolean exclude(long workerId, String excludedBy);

    boolean include(long workerId);

    /** Per-worker aggregates; the service adds the user names. {@code fastVotes}: votes faster than the threshold. */
    record QualityRow(
            long workerId,
            long votes,
            @Nullable Double medianMillis,
            long goldAnswered,
            long goldCorrect,
            long sideVotes,
            long aVotes,
            long identityLeaks,
            long fastVotes) {}
}
