package org.cailab.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.cailab.model.engine.BusyException;
import org.cailab.model.engine.ContinuationScore;
import org.cailab.model.engine.FinishReason;
import org.cailab.model.engine.Generation;
import org.cailab.model.engine.GenerationOptions;
import org.cailab.model.engine.GenerationRequest;
import org.cailab.model.engine.Priority;
import org.cailab.model.engine.ScoringRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * {@link ModelService} on the local DJL engine: snapshots are Hugging Face directories on this machine. Any
 * signed-in user may use models (workers chat with them), but only through the features' services, which decide
 * which snapshot a worker gets; snapshot names are not shown to workers by those services.
 */
@Service
class LocalModelService implements ModelService {

    private final ModelSnapshotRepository snapshots;
    private final LoadedModels loaded;
    private final ModelProperties properties;

    LocalModelService(ModelSnapshotRepository snapshots, LoadedModels loaded, ModelProperties properties) {
        this.snapshots = snapshots;
        this.loaded = loaded;
        this.properties = properties;
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<ModelSnapshot> snapshots() {
        return snapshots.findAll();
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public Optional<ModelSnapshot> snapshot(long id) {
        return snapshots.findById(id);
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public CompletableFuture<GenerationResult> generate(
            long snapshotId, String prompt, SamplingSettings settings, Consumer<String> onText) {
        ModelSnapshot snapshot = require(snapshotId);
        LoadedModels.Loaded model = loaded.acquire(snapshot);
        long start = System.nanoTime();
        GenerationRequest request = GenerationRequest.of(prompt, options(settings))
                .withListener((tokenId, delta) -> {
                    if (!delta.isEmpty()) {
                        onText.accept(delta);
                    }
                });
        CompletableFuture<Generation> running =
                model.batcher().submit(request, priority(settings.priority()), settings.user());
        CompletableFuture<GenerationResult> result = new CompletableFuture<>();
        running.whenComplete((g, error) -> {
            loaded.release(snapshotId);
            if (error == null) {
                result.complete(new GenerationResult(
                        g.text(),
                        g.promptTokens(),
                        g.tokenIds().length,
                        finishReason(g.finishReason()),
                        Duration.ofNanos(System.nanoTime() - start),
                        g.promptTokensDropped()));
            } else {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                result.completeExceptionally(
                        cause instanceof BusyException busy ? new ModelBusyException(busy.getMessage(), busy) : cause);
            }
        });
        // an answer nobody waits for any more (cancelled, timed out) stops at the next step and frees its slot
        result.whenComplete((r, error) -> {
            if (error != null) {
                running.cancel(true);
            }
        });
        return result;
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<GenerationResult> generateAll(long snapshotId, List<String> prompts, SamplingSettings settings) {
        // a window of requests in flight keeps a large batch inside the model's bounded queue
        Semaphore window = new Semaphore(Math.max(1, properties.maxQueuedPipeline() / 2));
        List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < prompts.size(); i++) {
                // distinct seeds per row keep a seeded batch reproducible without giving every row the same sample
                SamplingSettings row = settings.seed() == null ? settings : settings.withSeed(settings.seed() + i);
                window.acquire();
                CompletableFuture<GenerationResult> future = generate(snapshotId, prompts.get(i), row, text -> {});
                future.whenComplete((r, e) -> window.release());
                futures.add(future);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted while generating", e);
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<LoadedModel> loadedModels() {
        return loaded.loaded();
    }

    private static Priority priority(RequestPriority priority) {
        return priority == RequestPriority.LIVE ? Priority.LIVE : Priority.PIPELINE;
    }

    private static String finishReason(FinishReason reason) {
        return reason.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<ScoredContinuation> score(long snapshotId, List<String> prompts, List<String> continuations) {
        if (prompts.size() != continuations.size()) {
            throw new IllegalArgumentException("prompts (" + prompts.size() + ") and continuations ("
                    + continuations.size() + ") differ in length");
        }
        LoadedModels.Loaded model = loaded.acquire(require(snapshotId));
        try {
            // equal prompts (a labeller's " (A)" / " (B)" continuations) are computed once by the engine
            List<ScoringRequest> requests = IntStream.range(0, prompts.size())
                    .mapToObj(i -> new ScoringRequest(prompts.get(i), continuations.get(i)))
                    .toList();
            return model.lm().score(requests).stream()
                    .map(LocalModelService::toScored)
                    .toList();
        } finally {
            loaded.release(snapshotId);
        }
    }

    private ModelSnapshot require(long snapshotId) {
        return snapshots
                .findById(snapshotId)
                .orElseThrow(() -> new ModelRegistrationException("No model snapshot with id " + snapshotId + "."));
    }

    static GenerationOptions options(SamplingSettings s) {
        return GenerationOptions.builder()
                .optTemperature(s.temperature())
                .optTopP(s.topP())
                .optTopK(s.topK())
                .optMaxNewTokens(s.maxNewTokens())
                .optStopSequences(s.stopSequences())
                .optSeed(s.seed())
                .build();
    }

    private static ScoredContinuation toScored(ContinuationScore score) {
        List<Double> perToken = new ArrayList<>(score.tokenLogProbs().length);
        for (float f : score.tokenLogProbs()) {
            perToken.add((double) f);
        }
        return new ScoredContinuation(score.logProb(), perToken);
    }
}
