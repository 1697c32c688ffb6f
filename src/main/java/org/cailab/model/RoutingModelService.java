package org.cailab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.cailab.model.engine.ModelText;
import org.cailab.model.openai.OpenAiClient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The {@link ModelService} every feature gets: a snapshot registered with a remote backend goes to its
 * OpenAI-compatible servers, any other to the local engine ({@link LocalModelService}). Features do not know which.
 * Generated text from either has no NUL characters ({@link ModelText#withoutNul}), so features can store it: the
 * engine drops them when it decodes, and this class drops them from what a remote server sends (deltas included).
 */
@Service
@Primary
class RoutingModelService implements ModelService {

    /** Prompts per request of {@link #generateAll}. */
    static final int BATCH = 8;

    private final LocalModelService local;
    private final RemoteModels remote;
    private final ModelSnapshotRepository snapshots;
    private final int maxLiveNewTokens;
    /** {@link ModelExecutors#modelRemoteCalls}: one virtual thread per remote call. */
    private final ExecutorService remoteCalls;

    RoutingModelService(
            LocalModelService local,
            RemoteModels remote,
            ModelSnapshotRepository snapshots,
            ModelProperties properties,
            @Qualifier(ModelExecutors.REMOTE_CALLS) ExecutorService remoteCalls) {
        this.remoteCalls = remoteCalls;
        this.local = local;
        this.remote = remote;
        this.snapshots = snapshots;
        this.maxLiveNewTokens = properties.maxLiveNewTokens();
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<ModelSnapshot> snapshots() {
        return local.snapshots();
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public Optional<ModelSnapshot> snapshot(long id) {
        return local.snapshot(id);
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public CompletableFuture<GenerationResult> generate(
            long snapshotId, String prompt, SamplingSettings settings, Consumer<String> onText) {
        checkLiveLimit(settings);
        Optional<OpenAiClient> client = client(snapshotId);
        if (client.isEmpty()) {
            return local.generate(snapshotId, prompt, settings, onText);
        }
        Consumer<String> deltas = delta -> onText.accept(ModelText.withoutNul(delta));
        return CompletableFuture.supplyAsync(
                () -> withoutNul(client.get().generate(prompt, settings, deltas)), remoteCalls);
    }

    /**
     * A live request (someone waits on a page) may not hold a model for longer than the configured number of new
     * tokens; the browser's bound on the playground's field is not a check (a client can send any number).
     */
    private void checkLiveLimit(SamplingSettings settings) {
        if (settings.priority() == RequestPriority.LIVE && settings.maxNewTokens() > maxLiveNewTokens) {
            throw new IllegalArgumentException("Max new tokens " + settings.maxNewTokens() + " is above the limit of "
                    + maxLiveNewTokens + " for live requests (CAILAB_MAX_LIVE_NEW_TOKENS)");
        }
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<GenerationResult> generateAll(long snapshotId, List<String> prompts, SamplingSettings settings) {
        checkLiveLimit(settings);
        Optional<OpenAiClient> client = client(snapshotId);
        if (client.isEmpty()) {
            return local.generateAll(snapshotId, prompts, settings);
        }
        // up to BATCH prompts per request, so that the server batches them instead of waiting for stragglers; the
        // chunks run concurrently (and spread over the backend's URLs). Chunk j starts at seed + j * BATCH: row i
        // gets seed + i on our server, as on the local engine
        List<CompletableFuture<List<GenerationResult>>> futures = new ArrayList<>();
        for (int from = 0; from < prompts.size(); from += BATCH) {
            List<String> chunk = prompts.subList(from, Math.min(prompts.size(), from + BATCH));
            SamplingSettings rows = settings.seed() == null ? settings : settings.withSeed(settings.seed() + from);
            futures.add(CompletableFuture.supplyAsync(
                    () -> client.get().generateBatch(chunk, rows).stream()
                            .map(RoutingModelService::withoutNul)
                            .toList(),
                    remoteCalls));
        }
        return futures.stream()
                .map(RoutingModelService::join)
                .flatMap(List::stream)
                .toList();
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<ScoredContinuation> score(long snapshotId, List<String> prompts, List<String> continuations) {
        Optional<OpenAiClient> client = client(snapshotId);
        if (client.isEmpty()) {
            return local.score(snapshotId, prompts, continuations);
        }
        if (prompts.size() != continuations.size()) {
            throw new IllegalArgumentException("prompts (" + prompts.size() + ") and continuations ("
                    + continuations.size() + ") differ in length");
        }
        return client.get().score(prompts, continuations);
    }

    /** The local engine's loaded models (remote backends load nothing here); the Models page lists them. */
    @Override
    @PreAuthorize("isAuthenticated()")
    public List<LoadedModel> loadedModels() {
        return local.loadedModels();
    }

    /** The client of a snapshot's remote backend (for tests and the health view); empty for a local one. */
    Optional<OpenAiClient> client(long snapshotId) {
        ModelSnapshot snapshot = snapshots
                .findById(snapshotId)
                .orElseThrow(() -> new ModelRegistrationException("No model snapshot with id " + snapshotId + "."));
        return remote.client(snapshot);
    }

    private static GenerationResult withoutNul(GenerationResult r) {
        if (r.text().indexOf('\0') < 0) {
            return r;
        }
        return new GenerationResult(
                ModelText.withoutNul(r.text()),
                r.promptTokens(),
                r.generatedTokens(),
                r.finishReason(),
                r.elapsed(),
                r.promptTokensDropped());
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            // the caller (a run's stage) should see the backend's own error, not a wrapper
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }
}
