package org.cailab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.cailab.model.engine.BpeTokenizerTrainer;
import org.cailab.model.engine.LlamaConfig;
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
        try (LoadedModels models = new LoadedModels(properties(Duration.ofMinutes(30), 4), unloader)) {
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
    void loadingBeyondTheLimitUnloadsTheLeastRecentlyUsedIdleModel() throws IOException {
        ModelSnapshot a = snapshot(1, "a");
        ModelSnapshot b = snapshot(2, "b");
        ModelSnapshot c = snapshot(3, "c");
        try (LoadedModels models = new LoadedModels(properties(Duration.ZERO, 2), unloader)) {
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
