package org.cailab.redteam;

import java.util.List;
import java.util.Optional;
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
 * Red teaming's side of live generation (crowdwork's {@link LiveChannel} does the streaming, timeouts and failures):
 * the model's one answer to a red-team message, stored once it is complete. Runs outside any request, so it never
 * calls the role-checked services; the turn was authorised when it was created. Answer length, timeout and
 * streaming pace are the {@code cailab.crowdwork.*} settings.
 */
@Component
class ReplyGenerator {

    private final LiveChannel channel;
    private final AttemptRepository attempts;
    private final TransactionTemplate transactions;
    private final LiveStarts starts;

    ReplyGenerator(
            LiveGeneration live, AttemptRepository attempts, TransactionTemplate transactions, LiveStarts starts) {
        // the page streams the answer as it will be stored (cut at a next human turn, printable)
        this.channel = live.channel("red-team", TurnText::answer);
        this.attempts = attempts;
        this.transactions = transactions;
        this.starts = starts;
    }

    /**
     * Starts the model's answer to a red-team message after the transaction that asked for it committed
     * ({@link LiveStarts}: on Boot's {@code applicationTaskExecutor}, as the worker who asked; a request older than
     * the generation timeout is dropped). Safe to run again: a turn that is no longer generating, or whose answer is
     * under way, is left alone.
     */
    // a stable id: the registry matches stored publications to their listener by it (also after a rename)
    @ApplicationModuleListener(id = "redteam.reply", readOnlyTransaction = true)
    void on(ReplyRequested requested) {
        starts.start(
                "the answer of red-team turn",
                requested.turnId(),
                requested.requestedAt(),
                requested.worker(),
                () -> attempts.findTurn(requested.turnId())
                        .filter(turn -> turn.status() == TurnStatus.GENERATING)
                        .ifPresent(turn -> start(turn, requested.snapshotId())));
    }

    /** Starts generating the turn's answer unless that is under way or just ended (idempotent). */
    void start(StoredTurn turn, long snapshotId) {
        channel.start(
                turn.id(),
                "redteam-attempt-" + turn.attemptId(),
                List.of(new LiveAnswer(snapshotId, turn.prompt())),
                LiveStore.of(texts -> store(turn.id(), texts), reason -> fail(turn.id(), reason)));
    }

    /** Follows a turn that is being generated; empty when it is not (finished, failed or never started here). */
    Optional<ReplySubscription> subscribe(long turnId, ReplyListener listener) {
        return channel.subscribe(turnId, new OneAnswerListener(listener)).map(live -> live::close);
    }

    boolean isGenerating(long turnId) {
        return channel.isGenerating(turnId);
    }

    private LiveOutcome store(long turnId, List<String> texts) {
        String answer = TurnText.answer(texts.getFirst());
        Boolean stored = transactions.execute(status -> attempts.completeTurn(turnId, answer));
        if (!Boolean.TRUE.equals(stored)) {
            return LiveOutcome.failed("This attempt is no longer current.");
        }
        return LiveOutcome.ready(List.of(answer));
    }

    private void fail(long turnId, String reason) {
        transactions.executeWithoutResult(status -> attempts.failTurn(turnId, reason));
    }

    private record OneAnswerListener(ReplyListener listener) implements LiveListener {
        @Override
        public void onText(int answer, String textSoFar) {
            listener.onText(textSoFar);
        }

        @Override
        public void onReady(long turnId, List<String> answers) {
            listener.onReady(turnId, answers.getFirst());
        }

        @Override
        public void onFailed(long turnId, String message) {
            listener.onFailed(turnId, message);
        }
    }
}
