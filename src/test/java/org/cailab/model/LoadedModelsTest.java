package org.cailab.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cailab.model.engine.BpeTokenizerTrainer;
import org.cailab.model.engine.GenerationOptions;
import org.cailab.model.engine.GenerationRequest;
import org.cailab.model.engine.LlamaConfig;
import org.cailab.model.engine.Priority;
import org.cailab.model.engine.TinyModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Loading, idle unloading and making room, on real tiny model directories. */
class LoadedModelsTest {

    @TempDir
    Path dir;

    private ModelSnapshot snapshot(long id, String name) throws IOException {
        Path modelDir = dir.resolve(name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            texts.add("\n\nHuman: What does item " + i + " do?\n\nAssistant: Item " + i + " helps.");
        }
        var vocab = BpeTokenizerTrainer.builder().setVocabSize(300).build().train(texts);
        vocab.write(modelDir);
        LlamaConfig config = LlamaConfig.builder()
                .setVocabSize(vocab.size())
                .setHiddenSize(32)
                .setIntermediateSize(64)
                .setNumLayers(1)
                .setNumHeads(2)
                .optNumKvHeads(1)
                .optEosTokenIds(List.of(0L))
                .build();
        TinyModels.create(modelDir, config, id);
        return new ModelSnapshot(
                id, name, SnapshotKind.DEMO, modelDir.toString(), null, null, null, OffsetDateTime.now());
    }

    private ThreadPoolTaskScheduler unloader;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GenerationTimings timings = new GenerationTimings(meters);

    @BeforeEach
    void startUnloader() {
        unloader = new ModelExecutors().modelUnloader();
        unloader.initialize();
    }

    @AfterEach
    void stopUnloader() {
        unloader.shutdown();
    }

    private static ModelProperties properties(Duration idle, int maxLoaded) {
        return new ModelProperties("cpu", 4, false, 0, 0, 0, 0, idle, maxLoaded, null, null, 0);
    }

    @Test
    void aModelUnusedForTheIdleTimeIsUnloadedButNotWhileARequestRuns() throws IOException {
        ModelSnapshot a = snapshot(1, "a");
        try (LoadedModels models = new LoadedModels(properties(Duration.ofMinutes(30), 4), unloader, timings)) {
            models.acquire(a);
            assertThat(models.loaded()).extracting(LoadedModel::name).containsExactly("a");
            assertThat(models.loaded().getFirst().parameterBytes()).isPositive();
            models.unloadIdle(Instant.now().plus(Duration.ofHours(1)));
            assertThat(models.loaded()).as("in use: kept").hasSize(1);
            models.release(a.id());
            models.unloadIdle(Instant.now().plus(Duration.ofMinutes(10)));
            assertThat(models.loaded()).as("used 10 minutes ago: kept").hasSize(1);
            models.unloadIdle(Instant.now().plus(Duration.ofHours(1)));
            assertThat(models.loaded()).as("idle an hour: unloaded").isEmpty();
            // used again: loads again
            models.acquire(a);
            assertThat(models.loaded()).hasSize(1);
            models.release(a.id());
        }
    }

    @Test
    void aLoadedModelsGenerationsAreTimedByPriority() throws Exception {
        ModelSnapshot a = snapshot(1, "a");
        try (LoadedModels models = new LoadedModels(properties(Duration.ZERO, 4), unloader, timings)) {
            LoadedModels.Loaded loaded = models.acquire(a);
            GenerationOptions options = GenerationOptions.builder()
                    .optTemperature(0)
                    .optMaxNewTokens(5)
                    .optStopAtEos(false)
                    .build();
            loaded.batcher()
                    .submit(GenerationRequest.of("What does item 3 do?", options), Priority.LIVE, "w")
                    .get(60, TimeUnit.SECONDS);
            loaded.batcher()
                    .submit(GenerationRequest.of("What does item 4 do?", options), Priority.PIPELINE, "run")
                    .get(60, TimeUnit.SECONDS);
            models.release(a.id());
            for (String name : List.of(GenerationTimings.QUEUE, GenerationTimings.PREFILL, GenerationTimings.DECODE)) {
                for (String priority : List.of("live", "pipeline")) {
                    Timer timer = meters.get(name).tag("priority", priority).timer();
                    assertThat(timer.count()).as(name + " " + priority).isEqualTo(1);
                }
            }
            assertThat(meters.get(GenerationTimings.PREFILL)
                            .tag("priority", "live")
                            .timer()
                            .totalTime(TimeUnit.NANOSECONDS))
                    .isPositive();
            assertThat(meters.get(GenerationTimings.DECODE)
                            .tag("priority", "live")
                            .timer()
                            .totalTime(TimeUnit.NANOSECONDS))
                    .isPositive();
        }
    }

    @Test
    void loadingBeyondTheLimitUnloadsTheLeastRecentlyUsedIdleModel() throws IOException {
        ModelSnapshot a = snapshot(1, "a");
        ModelSnapshot b = snapshot(2, "b");
        ModelSnapshot c = snapshot(3, "c");
        try (LoadedModels models = new LoadedModels(properties(Duration.ZERO, 2), unloader, timings)) {
            models.acquire(a);
            models.acquire(b);
            models.release(b.id()); // a stays in use
            models.acquire(c);
            assertThat(models.loaded()).extracting(LoadedModel::name).containsExactlyInAnyOrder("a", "c");
            models.release(a.id());
            models.release(c.id());
        }
    }
}
