package org.cailab.crowdwork;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.cailab.model.GenerationResult;
import org.cailab.model.ModelBusyException;
import org.cailab.model.ModelService;
import org.cailab.model.SamplingSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task type's live turns: generates every answer of a turn at the same time, streams them to whoever watches the
 * turn, and hands them to the task type's {@link LiveStore} once all have finished. One failing answer fails the
 * turn at once and stops the others at their next step, freeing their slots. Obtained from
 * {@link LiveGeneration#channel}.
 */
public final class LiveChannel {

    private static final Logger log = LoggerFactory.getLogger(LiveChannel.class);
    private static final Duration ENDED_TURNS_KEPT = Duration.ofSeconds(30);

    private final String name;
    private final UnaryOperator<String> shown;
    private final ModelService models;
    private final CrowdworkProperties properties;
    private final ScheduledExecutorService streaming;
    private final ConcurrentMap<Long, LiveText> live = new ConcurrentHashMap<>();

    LiveChannel(
            String name,
            UnaryOperator<String> shown,
            ModelService models,
            CrowdworkProperties properties,
            ScheduledExecutorService streaming) {
        this.name = name;
        this.shown = shown;
        this.models = models;
        this.properties = properties;
        this.streaming = streaming;
    }

    /**
     * Starts generating the turn's answers unless that is under way or just ended (idempotent).
     *
     * @param liveUser whose cap of live requests in flight the answers count against (all answers of a turn count
     *                 against one key)
     */
    public void start(long turnId, String liveUser, List<LiveAnswer> answers, LiveStore store) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("A live turn needs at least one answer");
        }
        LiveText text = new LiveText(turnId, answers.size(), shown);
        if (live.putIfAbsent(turnId, text) != null) {
            return;
        }
        Wording wording = new Wording(answers.size() > 1);
        long interval = properties.streamInterval().toMillis();
        ScheduledFuture<?> ticker =
                streaming.scheduleWithFixedDelay(() -> deliverSafely(text), interval, interval, TimeUnit.MILLISECONDS);
        // a person waits: live priority, the turn's answers count against one user's cap
        SamplingSettings settings = SamplingSettings.defaults()
                .withMaxNewTokens(properties.maxNewTokens())
                .live(liveUser);
        List<CompletableFuture<GenerationResult>> generations = new ArrayList<>();
        try {
            for (int i = 0; i < answers.size(); i++) {
                int answer = i;
                LiveAnswer request = answers.get(i);
                generations.add(models.generate(
                        request.snapshotId(), request.prompt(), settings, delta -> text.append(answer, delta)));
            }
            CompletableFuture<List<String>> all = new CompletableFuture<>();
            // fail as soon as one answer fails, instead of waiting for the others
            generations.forEach(generation -> generation.exceptionally(error -> fail(all, error)));
            CompletableFuture.allOf(generations.toArray(CompletableFuture[]::new))
                    .thenRun(() -> all.complete(generations.stream()
                            .map(generation -> generation.join().text())
                            .toList()));
            // a failed or timed-out turn stops the other answers at their next step, freeing their slots
            all.whenComplete((texts, error) -> {
                if (error != null) {
                    generations.forEach(generation -> generation.cancel(true));
                }
            });
            all.orTimeout(properties.generationTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenCompleteAsync(
                            (texts, error) -> finish(turnId, store, wording, text, ticker, texts, error), streaming);
        } catch (RuntimeException e) {
            generations.forEach(generation -> generation.cancel(true));
            streaming.execute(() -> finish(turnId, store, wording, text, ticker, null, e));
        }
    }

    private static @Nullable GenerationResult fail(CompletableFuture<List<String>> all, Throwable error) {
        all.completeExceptionally(error);
        return null;
    }

    /** Follows a turn that is being generated; empty when it is not (finished, failed or never started here). */
    public Optional<LiveSubscription> subscribe(long turnId, LiveListener listener) {
        LiveText text = live.get(turnId);
        if (text == null) {
            return Optional.empty();
        }
        LiveSubscription subscription = text.subscribe(listener);
        streaming.execute(() -> deliverSafely(text));
        return Optional.of(subscription);
    }

    public boolean isGenerating(long turnId) {
        LiveText text = live.get(turnId);
        return text != null && !text.ended();
    }

    private void finish(
            long turnId,
            LiveStore store,
            Wording wording,
            LiveText text,
            ScheduledFuture<?> ticker,
            @Nullable List<String> texts,
            @Nullable Throwable error) {
        LiveOutcome outcome;
        try {
            outcome = error == null && texts != null ? store.store(texts) : fail(turnId, store, wording, error);
        } catch (RuntimeException e) {
            log.error("Could not store the {} of {} turn {}", wording.answers, name, turnId, e);
            outcome = LiveOutcome.failed(
                    "The " + wording.answers + " could not be saved. Please send your message again.");
        }
        text.end(outcome);
        ticker.cancel(false);
        deliverSafely(text);
        // kept a while, so that a page subscribing just now gets the outcome and nobody starts the turn again
        streaming.schedule(() -> live.remove(turnId, text), ENDED_TURNS_KEPT.toSeconds(), TimeUnit.SECONDS);
    }

    private LiveOutcome fail(long turnId, LiveStore store, Wording wording, @Nullable Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String reason = cause instanceof TimeoutException
                ? wording.theModels + " took too long"
                : cause instanceof ModelBusyException
                        ? wording.theModels + " " + wording.are + " busy"
                        : cause == null ? "unknown error" : cause.getClass().getSimpleName();
        log.warn("{} turn {} failed: {}", name, turnId, reason, cause);
        store.fail(reason);
        if (cause instanceof ModelBusyException) {
            return LiveOutcome.failed("The " + wording.models + " " + wording.are
                    + " busy right now. Please wait a moment and send your message again.");
        }
        return LiveOutcome.failed(
                "The " + wording.answers + " could not be generated (" + reason + "). Please send your message again.");
    }

    private static void deliverSafely(LiveText text) {
        try {
            text.deliver();
        } catch (RuntimeException e) {
            log.debug("Streaming live turn {} to a listener failed", text.turnId, e);
        }
    }

    /** The worker reads "the model is" for one answer and "the models are" for several. */
    private record Wording(String models, String theModels, String are, String answers) {
        Wording(boolean several) {
            this(
                    several ? "models" : "model",
                    several ? "the models" : "the model",
                    several ? "are" : "is",
                    several ? "answers" : "answer");
        }
    }
}
