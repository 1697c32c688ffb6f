package org.cailab.model;

import org.cailab.model.engine.ContinuationScore;
import org.cailab.model.engine.GenerationOptions;
import org.cailab.model.engine.ScoringRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * {@link ModelService} on the local DJL engine: snapshots are Hugging Face directories on this machine. Any
 * signed-in user may use models (workers chat with them), but only through the features' services, which decide
 * which snapshot a worker gets; snapshot names are not shown to workers by those services.
 */
@Service
class LocalModelService implements ModelService {

    private final ModelSnapshotRepository snapshots;
    private final LoadedModels loaded;

    LocalModelService(ModelSnapshotRepository snapshots, LoadedModels loaded) {
        this.snapshots = snapshots;
        this.loaded = loaded;
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
    public CompletableFuture<GenerationResult> generate(long snapshotId, String prompt, SamplingSettings settings,
                                                        Consumer<String> onText) {
        LoadedModels.Loaded model = loaded.get(require(snapshotId));
        long start = System.nanoTime();
        return model.batcher().submit(prompt, options(settings), (tokenId, delta) -> {
            if (!delta.isEmpty()) {
                onText.accept(delta);
            }
        }).thenApply(g -> new GenerationResult(g.text(), g.promptTokens(), g.tokenIds().length,
                g.finishReason().name().toLowerCase(java.util.Locale.ROOT), Duration.ofNanos(System.nanoTime() - start)));
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<GenerationResult> generateAll(long snapshotId, List<String> prompts, SamplingSettings settings) {
        List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            // distinct seeds per row keep a seeded batch reproducible without giving every row the same sample
            SamplingSettings row = settings.seed() == null ? settings : settings.withSeed(settings.seed() + i);
            futures.add(generate(snapshotId, prompts.get(i), row, text -> { }));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<ScoredContinuation> score(long snapshotId, List<String> prompts, List<String> continuations) {
        if (prompts.size() != continuations.size()) {
            throw new IllegalArgumentException("prompts (" + prompts.size() + ") and continuations ("
                    + continuations.size() + ") differ in length");
        }
        LoadedModels.Loaded model = loaded.get(require(snapshotId));
        List<ScoringRequest> requests = IntStream.range(0, prompts.size())
                .mapToObj(i -> new ScoringRequest(prompts.get(i), continuations.get(i))).toList();
        return model.lm().score(requests).stream().map(LocalModelService::toScored).toList();
    }

    private ModelSnapshot require(long snapshotId) {
        return snapshots.findById(snapshotId)
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
