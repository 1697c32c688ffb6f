package org.cailab.redteam;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.cailab.comparison.ComparisonProperties;
import org.cailab.comparison.Transcript;
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
 * Generates the model's answer to a red-team message, streams it to whoever watches the turn, and stores it once it
 * is complete. Runs outside any request, so it never calls the role-checked services; the turn was authorised when
 * it was created. Answer length, timeout and streaming pace are the comparison feature's settings
 * ({@code cailab.comparison.*}): a worker's chat is the same kind of conversation in both.
 */
@Component
class ReplyGenerator implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReplyGenerator.class);
    private static final Duration ENDED_TURNS_KEPT = Duration.ofSeconds(30);

    private final ModelService models;
    private final AttemptRepository attempts;
    private final TransactionTemplate transactions;
    private final ComparisonProperties properties;
    private final ConcurrentMap<Long, LiveReply> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService streaming;

    ReplyGenerator(
            ModelService models,
            AttemptRepository attempts,
            TransactionTemplate transactions,
            ComparisonProperties properties) {
        this.models = models;
        this.attempts = attempts;
        this.transactions = transactions;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        this.streaming = Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "redteam-stream-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts generating the turn's answer unless that is under way or just ended (idempotent). */
    void start(StoredTurn turn, long snapshotId) {
        LiveReply reply = new LiveReply(turn.id());
        if (live.putIfAbsent(turn.id(), reply) != null) {
            return;
        }
        long interval = properties.streamInterval().toMillis();
        ScheduledFuture<?> ticker =
                streaming.scheduleWithFixedDelay(() -> deliverSafely(reply), interval, interval, TimeUnit.MILLISECONDS);
        SamplingSettings settings = SamplingSettings.defaults()
                .withMaxNewTokens(properties.maxNewTokens())
                .live("redteam-attempt-" + turn.attemptId());
        try {
            models.generate(snapshotId, turn.prompt(), settings, reply::append)
                    .orTimeout(properties.generationTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenCompleteAsync((result, error) -> finish(turn, reply, ticker, result, error), streaming);
        } catch (RuntimeException e) {
            streaming.execute(() -> finish(turn, reply, ticker, null, e));
        }
    }

    /** Follows a turn that is being generated; empty when it is not (finished, failed or never started here). */
    Optional<ReplySubscription> subscribe(long turnId, ReplyListener listener) {
        LiveReply reply = live.get(turnId);
        if (reply == null) {
            return Optional.empty();
        }
        ReplySubscription subscription = reply.subscribe(listener);
        streaming.execute(() -> deliverSafely(reply));
        return Optional.of(subscription);
    }

    boolean isGenerating(long turnId) {
        LiveReply reply = live.get(turnId);
        return reply != null && !reply.ended();
    }

    private void finish(
            StoredTurn turn,
            LiveReply reply,
            ScheduledFuture<?> ticker,
            @Nullable GenerationResult result,
            @Nullable Throwable error) {
        LiveReply.Outcome outcome;
        try {
            outcome = error == null && result != null ? store(turn, result.text()) : fail(turn, error);
        } catch (RuntimeException e) {
            log.error("Could not store the answer of red-team turn {}", turn.id(), e);
            outcome = new LiveReply.Outcome(null, "The answer could not be saved. Please send your message again.");
        }
        reply.end(outcome);
        ticker.cancel(false);
        deliverSafely(reply);
        // kept a while, so that a page subscribing just now gets the outcome and nobody starts the turn again
        streaming.schedule(() -> live.remove(turn.id(), reply), ENDED_TURNS_KEPT.toSeconds(), TimeUnit.SECONDS);
    }

    private LiveReply.Outcome store(StoredTurn turn, String text) {
        String answer = Transcript.answer(text);
        Boolean stored = transactions.execute(status -> attempts.completeTurn(turn.id(), answer));
        if (!Boolean.TRUE.equals(stored)) {
            return new LiveReply.Outcome(null, "This attempt is no longer current.");
        }
        return new LiveReply.Outcome(answer, null);
    }

    private LiveReply.Outcome fail(StoredTurn turn, @Nullable Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String reason = cause instanceof TimeoutException
                ? "the model took too long"
                : cause instanceof ModelBusyException
                        ? "the model is busy"
                        : cause == null ? "unknown error" : cause.getClass().getSimpleName();
        log.warn("Red-team turn {} failed: {}", turn.id(), reason, cause);
        transactions.executeWithoutResult(status -> attempts.failTurn(turn.id(), reason));
        if (cause instanceof ModelBusyException) {
            return new LiveReply.Outcome(
                    null, "The model is busy right now. Please wait a moment and send your" + " message again.");
        }
        return new LiveReply.Outcome(
                null, "The answer could not be generated (" + reason + "). Please send your message again.");
    }

    private static void deliverSafely(LiveReply reply) {
        try {
            reply.deliver();
        } catch (RuntimeException e) {
            log.debug("Streaming red-team turn {} to a listener failed", reply.turnId, e);
        }
    }

    @Override
    public void destroy() {
        streaming.shutdownNow();
    }
}
