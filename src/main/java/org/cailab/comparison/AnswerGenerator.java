package org.cailab.comparison;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.UnaryOperator;
import org.cailab.crowdwork.LiveAnswer;
import org.cailab.crowdwork.LiveChannel;
import org.cailab.crowdwork.LiveGeneration;
import org.cailab.crowdwork.LiveListener;
import org.cailab.crowdwork.LiveOutcome;
import org.cailab.crowdwork.LiveStarts;
import org.cailab.crowdwork.LiveStore;
import org.cailab.dialogue.TurnText;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The comparison's side of live generation (crowdwork's {@link LiveChannel} does the streaming, timeouts and
 * failures): both answers of a turn, stored with the identity-leak flags once both have finished. Runs outside any
 * request, so it never calls the role-checked services; the turn was authorised when it was created.
 */
@Component
class AnswerGenerator {

    private final LiveChannel channel;
    private final ConversationRepository conversations;
    private final TransactionTemplate transactions;
    private final LiveStarts starts;

    AnswerGenerator(
            LiveGeneration live,
            ConversationRepository conversations,
            TransactionTemplate transactions,
            LiveStarts starts) {
        // the page streams the raw text; the stored answers are cleaned
        this.channel = live.channel("comparison", UnaryOperator.identity());
        this.conversations = conversations;
        this.transactions = transactions;
        this.starts = starts;
    }

    /**
     * Starts a turn's answers after the transaction that asked for them committed ({@link LiveStarts}: on Boot's
     * {@code applicationTaskExecutor}, as the worker who asked; a request older than the generation timeout is
     * dropped). Safe to run again: a turn that is no longer generating, or whose answers are under way, is left alone.
     */
    // a stable id: the registry matches stored publications to their listener by it (also after a rename)
    @ApplicationModuleListener(id = "comparison.turn-answers", readOnlyTransaction = true)
    void on(TurnAnswersRequested requested) {
        starts.start(
                "the answers of comparison turn",
                requested.turnId(),
                requested.requestedAt(),
                requested.worker(),
                () -> conversations
                        .findTurn(requested.turnId())
                        .filter(turn -> turn.status() == TurnStatus.GENERATING)
                        .ifPresent(this::start));
    }

    /** Starts generating the turn's answers unless that is under way or just ended (idempotent). */
    void start(StoredTurn turn) {
        Long snapshotA = turn.snapshotAId();
        Long snapshotB = turn.snapshotBId();
        if (snapshotA == null || snapshotB == null) {
            return;
        }
        channel.start(
                turn.id(),
                "comparison-conversation-" + turn.conversationId(),
                List.of(new LiveAnswer(snapshotA, turn.prompt()), new LiveAnswer(snapshotB, turn.prompt())),
                LiveStore.of(texts -> store(turn, texts), reason -> fail(turn.id(), reason)));
    }

    /** Follows a turn that is being generated; empty when it is not (finished, failed or never started here). */
    Optional<AnswerSubscription> subscribe(long turnId, AnswerListener listener) {
        return channel.subscribe(turnId, new SideListener(listener)).map(live -> live::close);
    }

    boolean isGenerating(long turnId) {
        return channel.isGenerating(turnId);
    }

    /**
     * The text a worker sees: nothing after a next human turn the model began, no control characters (a small
     * model can emit any byte, and PostgreSQL text cannot hold NUL), no surrounding blank space.
     */
    static String clean(String text) {
        return TurnText.answer(text);
    }

    /** Stores both answers with their leak flags. */
    private LiveOutcome store(StoredTurn turn, List<String> texts) {
        String answerA = clean(texts.get(0));
        String answerB = clean(texts.get(1));
        boolean leakA = IdentityLeakDetector.namesModel(answerA, String.valueOf(turn.snapshotAName()));
        boolean leakB = IdentityLeakDetector.namesModel(answerB, String.valueOf(turn.snapshotBName()));
        Boolean stored =
                transactions.execute(status -> conversations.completeTurn(turn.id(), answerA, answerB, leakA, leakB));
        if (!Boolean.TRUE.equals(stored)) {
            return LiveOutcome.failed("This comparison is no longer current.");
        }
        return LiveOutcome.ready(List.of(answerA, answerB));
    }

    private void fail(long turnId, String reason) {
        transactions.executeWithoutResult(status -> conversations.failTurn(turnId, reason));
    }

    /** Answer 0 is side A, answer 1 side B. */
    private record SideListener(AnswerListener listener) implements LiveListener {
        @Override
        public void onText(int answer, String textSoFar) {
            listener.onText(side(answer), textSoFar);
        }

        @Override
        public void onTexts(SortedMap<Integer, String> changed) {
            Map<Side, String> sides = new EnumMap<>(Side.class);
            changed.forEach((answer, text) -> sides.put(side(answer), text));
            listener.onTexts(sides);
        }

        private static Side side(int answer) {
            return answer == 0 ? Side.A : Side.B;
        }

        @Override
        public void onReady(long turnId, List<String> answers) {
            listener.onReady(turnId, answers.get(0), answers.get(1));
        }

        @Override
        public void onFailed(long turnId, String message) {
            listener.onFailed(turnId, message);
        }
    }
}
