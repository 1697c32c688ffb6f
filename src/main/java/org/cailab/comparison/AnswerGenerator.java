package org.cailab.comparison;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.cailab.model.GenerationResult;
import org.cailab.model.ModelBusyException;
import org.cailab.model.ModelService;
import org.cailab.model.SamplingSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates both answers of a turn at the same time, streams them to whoever watches the turn, and stores them
 * (with the identity-leak flags) once both have finished. Runs outside any request, so it never calls the
 * role-checked services; the turn was authorised when it was created.
 */
@Component
class AnswerGenerator implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AnswerGenerator.class);
    private static final java.time.Duration ENDED_TURNS_KEPT = java.time.Duration.ofSeconds(30);

    private final ModelService models;
    private final ConversationRepository conversations;
    private final TransactionTemplate transactions;
    private final ComparisonProperties properties;
    private final ConcurrentMap<Long, LiveTurn> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService streaming;

    AnswerGenerator(
            ModelService models,
            ConversationRepository conversations,
            TransactionTemplate transactions,
            ComparisonProperties properties) {
        this.models = models;
        this.conversations = conversations;
        this.transactions = transactions;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        this.streaming = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "comparison-stream-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts generating the turn's answers unless that is under way or just ended (idempotent). */
    void start(StoredTurn turn) {
        if (turn.snapshotAId() == null || turn.snapshotBId() == null) {
            return;
        }
        LiveTurn liveTurn = new LiveTurn(turn.id());
        if (live.putIfAbsent(turn.id(), liveTurn) != null) {
            return;
        }
        long interval = properties.streamInterval().toMillis();
        ScheduledFuture<?> ticker = streaming.scheduleWithFixedDelay(
                () -> deliverSafely(liveTurn), interval, interval, TimeUnit.MILLISECONDS);
        // a person waits: live priority, the conversation's two answers count against one user's cap
        SamplingSettings settings = SamplingSettings.defaults()
                .withMaxNewTokens(properties.maxNewTokens())
                .live("comparison-conversation-" + turn.conversationId());
        try {
            CompletableFuture<GenerationResult> a = models.generate(
                    turn.snapshotAId(), turn.prompt(), settings, delta -> liveTurn.append(Side.A, delta));
            CompletableFuture<GenerationResult> b = models.generate(
                    turn.snapshotBId(), turn.prompt(), settings, delta -> liveTurn.append(Side.B, delta));
            CompletableFuture<String[]> both = new CompletableFuture<>();
            // fail as soon as one answer fails, instead of waiting for the other one
            a.exceptionally(error -> fail(both, error));
            b.exceptionally(error -> fail(both, error));
            a.thenCombine(b, (resultA, resultB) -> new String[] {resultA.text(), resultB.text()})
                    .thenAccept(both::complete);
            // a failed or timed-out turn stops the other answer at its next step, freeing its slot
            both.whenComplete((texts, error) -> {
                if (error != null) {
                    a.cancel(true);
                    b.cancel(true);
                }
            });
            both.orTimeout(properties.generationTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenCompleteAsync((texts, error) -> finish(turn, liveTurn, ticker, texts, error), streaming);
        } catch (RuntimeException e) {
            streaming.execute(() -> finish(turn, liveTurn, ticker, null, e));
        }
    }

    private static @Nullable GenerationResult fail(CompletableFuture<String[]> both, Throwable error) {
        both.completeExceptionally(error);
        return null;
    }

    /** Follows a turn that is being generated; empty when it is not (finished, failed or never started here). */
    Optional<AnswerSubscription> subscribe(long turnId, AnswerListener listener) {
        LiveTurn liveTurn = live.get(turnId);
        if (liveTurn == null) {
            return Optional.empty();
        }
        AnswerSubscription subscription = liveTurn.subscribe(listener);
        streaming.execute(() -> deliverSafely(liveTurn));
        return Optional.of(subscription);
    }

    boolean isGenerating(long turnId) {
        LiveTurn liveTurn = live.get(turnId);
        return liveTurn != null && !liveTurn.ended();
    }

    private void finish(
            StoredTurn turn,
            LiveTurn liveTurn,
            ScheduledFuture<?> ticker,
            String @Nullable [] texts,
            @Nullable Throwable error) {
        LiveTurn.Outcome outcome;
        try {
            outcome = error == null && texts != null ? store(turn, texts) : fail(turn, error);
        } catch (RuntimeException e) {
            log.error("Could not store the answers of comparison turn {}", turn.id(), e);
            outcome =
                    new LiveTurn.Outcome(null, null, "The answers could not be saved. Please send your message again.");
        }
        liveTurn.end(outcome);
        ticker.cancel(false);
        deliverSafely(liveTurn);
        // kept a while, so that a page subscribing just now gets the outcome and nobody starts the turn again
        streaming.schedule(() -> live.remove(turn.id(), liveTurn), ENDED_TURNS_KEPT.toSeconds(), TimeUnit.SECONDS);
    }

    private LiveTurn.Outcome store(StoredTurn turn, String[] texts) {
        String answerA = clean(texts[0]);
        String answerB = clean(texts[1]);
        boolean leakA = IdentityLeakDetector.namesModel(answerA, String.valueOf(turn.snapshotAName()));
        boolean leakB = IdentityLeakDetector.namesModel(answerB, String.valueOf(turn.snapshotBName()));
        Boolean stored =
                transactions.execute(status -> conversations.completeTurn(turn.id(), answerA, answerB, leakA, leakB));
        if (!Boolean.TRUE.equals(stored)) {
            return new LiveTurn.Outcome(null, null, "This comparison is no longer current.");
        }
        return new LiveTurn.Outcome(answerA, answerB, null);
    }

    private LiveTurn.Outcome fail(StoredTurn turn, @Nullable Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
        String reason = cause instanceof TimeoutException
                ? "the models took too long"
                : cause instanceof ModelBusyException
                        ? "the models are busy"
                        : cause == null ? "unknown error" : cause.getClass().getSimpleName();
        log.warn("Comparison turn {} failed: {}", turn.id(), reason, cause);
        transactions.executeWithoutResult(status -> conversations.failTurn(turn.id(), reason));
        if (cause instanceof ModelBusyException) {
            return new LiveTurn.Outcome(
                    null, null, "The models are busy right now. Please wait a moment and send your message again.");
        }
        return new LiveTurn.Outcome(
                null, null, "The answers could not be generated (" + reason + "). Please send your message again.");
    }

    /**
     * The text a worker sees: nothing after a next human turn the model began, no control characters (a small
     * model can emit any byte, and PostgreSQL text cannot hold NUL), no surrounding blank space.
     */
    static String clean(String text) {
        return Transcript.answer(text);
    }

    private static void deliverSafely(LiveTurn liveTurn) {
        try {
            liveTurn.deliverText();
        } catch (RuntimeException e) {
            log.debug("Streaming comparison turn {} to a listener failed", liveTurn.turnId, e);
        }
    }

    @Override
    public void destroy() {
        streaming.shutdownNow();
    }
}
