package org.cailab.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.cailab.model.GenerationResult;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SamplingSettings;
import org.cailab.model.ScoredContinuation;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.ContinuationScore;
import org.cailab.model.engine.Generation;
import org.cailab.model.engine.GenerationOptions;
import org.cailab.model.engine.ScoringRequest;

/**
 * {@link ModelService} over one real engine model, without the registry (which needs the database): for unit tests
 * of features that talk to models through the service. It maps requests and results as the app's local service
 * does and counts the calls, so tests can check how a feature batches.
 */
public final class EngineModelService implements ModelService {

    private final CausalLm lm;
    private final long snapshotId;
    public final AtomicInteger scoreCalls = new AtomicInteger();
    public final AtomicInteger generateCalls = new AtomicInteger();

    public EngineModelService(CausalLm lm, long snapshotId) {
        this.lm = lm;
        this.snapshotId = snapshotId;
    }

    @Override
    public List<ModelSnapshot> snapshots() {
        return List.of();
    }

    @Override
    public Optional<ModelSnapshot> snapshot(long id) {
        return Optional.empty();
    }

    @Override
    public CompletableFuture<GenerationResult> generate(
            long id, String prompt, SamplingSettings s, Consumer<String> onText) {
        check(id);
        generateCalls.incrementAndGet();
        long start = System.nanoTime();
        Generation g = lm.generate(
                prompt,
                GenerationOptions.builder()
                        .optTemperature(s.temperature())
                        .optTopP(s.topP())
                        .optTopK(s.topK())
                        .optMaxNewTokens(s.maxNewTokens())
                        .optStopSequences(s.stopSequences())
                        .optSeed(s.seed())
                        .build());
        onText.accept(g.text());
        return CompletableFuture.completedFuture(new GenerationResult(
                g.text(),
                g.promptTokens(),
                g.tokenIds().length,
                g.finishReason().name().toLowerCase(java.util.Locale.ROOT),
                Duration.ofNanos(System.nanoTime() - start)));
    }

    @Override
    public List<GenerationResult> generateAll(long id, List<String> prompts, SamplingSettings settings) {
        List<GenerationResult> out = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            out.add(generate(
                            id,
                            prompts.get(i),
                            settings.seed() == null ? settings : settings.withSeed(settings.seed() + i),
                            t -> {})
                    .join());
        }
        return out;
    }

    @Override
    public List<ScoredContinuation> score(long id, List<String> prompts, List<String> continuations) {
        check(id);
        scoreCalls.incrementAndGet();
        List<ScoringRequest> requests = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            requests.add(new ScoringRequest(prompts.get(i), continuations.get(i)));
        }
        List<ScoredContinuation> out = new ArrayList<>();
        for (ContinuationScore score : lm.score(requests)) {
            List<Double> perToken = new ArrayList<>();
            for (float f : score.tokenLogProbs()) {
                perToken.add((double) f);
            }
            out.add(new ScoredContinuation(score.logProb(), perToken));
        }
        return out;
    }

    private void check(long id) {
        if (id != snapshotId) {
            throw new IllegalArgumentException("No model snapshot with id " + id + ".");
        }
    }
}
