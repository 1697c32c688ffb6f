package org.cailab.model;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.DynamicBatcher;
import org.cailab.model.engine.EngineThreads;
import org.cailab.model.engine.LlamaConfig;
import org.cailab.model.engine.ModelFormatException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Keeps each used snapshot loaded once, with one continuous batcher in front of it, so that concurrent requests
 * (many crowdworkers, a run's items) share batches. Loading happens on first use; a model nobody used for
 * {@code cailab.models.idle-unload} is unloaded, and loading more than {@code cailab.models.max-loaded} models unloads
 * the least recently used idle one. A model with requests running or waiting is never unloaded.
 */
@Component
class LoadedModels implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoadedModels.class);

    record Loaded(ModelSnapshot snapshot, CausalLm lm, DynamicBatcher batcher, long parameterBytes, long cacheBytes) {}

    private final Map<Long, CompletableFuture<Loaded>> models = new ConcurrentHashMap<>();
    private final Map<Long, Instant> lastUsed = new ConcurrentHashMap<>();
    /** Requests handed out by {@link #get} and not yet finished, per snapshot (scoring does not go through the batcher). */
    private final Map<Long, Integer> inUse = new ConcurrentHashMap<>();

    private final ModelProperties properties;
    private final GenerationTimings timings;
    /** The idle sweep on {@link ModelExecutors#modelUnloader}; null when idle unloading is off. */
    private final @Nullable ScheduledFuture<?> sweep;

    LoadedModels(
            ModelProperties properties,
            @Qualifier(ModelExecutors.UNLOADER) TaskScheduler unloader,
            GenerationTimings timings) {
        this.properties = properties;
        this.timings = timings;
        if (properties.idleUnload().isZero()) {
            this.sweep = null;
        } else {
            Duration period = Duration.ofSeconds(
                    Math.max(1, Math.min(60, properties.idleUnload().toSeconds() / 2)));
            this.sweep = unloader.scheduleWithFixedDelay(
                    () -> unloadIdle(Instant.now()), Instant.now().plus(period), period);
        }
    }

    /** The loaded model of a snapshot, loading it on first use; call {@link #release} when the request is done. */
    Loaded acquire(ModelSnapshot snapshot) {
        inUse.merge(snapshot.id(), 1, Integer::sum);
        try {
            return get(snapshot);
        } catch (RuntimeException e) {
            release(snapshot.id());
            throw e;
        }
    }

    void release(long snapshotId) {
        lastUsed.put(snapshotId, Instant.now());
        inUse.computeIfPresent(snapshotId, (id, n) -> n <= 1 ? null : n - 1);
    }

    Loaded get(ModelSnapshot snapshot) {
        lastUsed.put(snapshot.id(), Instant.now());
        CompletableFuture<Loaded> future = models.computeIfAbsent(
                snapshot.id(), id -> CompletableFuture.supplyAsync(() -> load(snapshot), Thread::startVirtualThread));
        try {
            return future.join();
        } catch (CompletionException e) {
            models.remove(snapshot.id(), future);
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    private Loaded load(ModelSnapshot snapshot) {
        makeRoom(snapshot.id());
        long start = System.nanoTime();
        CausalLm lm = open(Path.of(snapshot.location()), device(properties.device()));
        DynamicBatcher batcher = DynamicBatcher.builder()
                .setModel(lm)
                .optMaxBatchSize(properties.maxBatchSize())
                .optMaxQueued(properties.maxQueuedLive(), properties.maxQueuedPipeline())
                .optMaxInFlightPerUser(properties.maxInFlightPerUser())
                .optTimingListener(timings)
                .optIntraOpThreads(
                        EngineThreads.inferenceThreadsFor(lm.model().config().parameterCount()))
                .build();
        LlamaConfig config = lm.model().config();
        long cacheBytes = 2L
                * config.numLayers()
                * config.numKvHeads()
                * config.headDim()
                * config.maxPositionEmbeddings()
                * properties.maxBatchSize()
                * Float.BYTES;
        log.info(
                "Loaded model snapshot '{}' from {} in {} ms ({} MiB of weights)",
                snapshot.name(),
                snapshot.location(),
                (System.nanoTime() - start) / 1_000_000,
                config.parameterCount() * Float.BYTES >> 20);
        return new Loaded(snapshot, lm, batcher, config.parameterCount() * Float.BYTES, cacheBytes);
    }

    /** Unloads least recently used idle models until one more fits under {@code max-loaded}. */
    private void makeRoom(long loading) {
        List<Long> candidates = new ArrayList<>(models.keySet());
        candidates.remove(loading);
        candidates.sort(Comparator.comparing(id -> lastUsed.getOrDefault(id, Instant.EPOCH)));
        int loaded = candidates.size();
        for (Long id : candidates) {
            if (loaded < properties.maxLoaded()) {
                break;
            }
            if (idle(id)) {
                log.info("Unloading model snapshot {} to make room for {}", id, loading);
                evict(id);
                loaded--;
            }
        }
    }

    /** Unloads models nobody used for the idle time before {@code now}. */
    void unloadIdle(Instant now) {
        if (properties.idleUnload().isZero()) {
            return;
        }
        Instant cutoff = now.minus(properties.idleUnload());
        for (Long id : List.copyOf(models.keySet())) {
            if (lastUsed.getOrDefault(id, Instant.EPOCH).isBefore(cutoff) && idle(id)) {
                log.info("Unloading model snapshot {}: unused since {}", id, lastUsed.get(id));
                evict(id);
            }
        }
    }

    private boolean idle(long id) {
        if (inUse.getOrDefault(id, 0) > 0) {
            return false;
        }
        CompletableFuture<Loaded> future = models.get(id);
        if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
            return future != null && future.isDone();
        }
        Loaded loaded = future.join();
        return loaded.batcher().running() == 0 && loaded.batcher().waiting() == 0;
    }

    /** What is loaded now, most recently used first. */
    List<LoadedModel> loaded() {
        List<LoadedModel> out = new ArrayList<>();
        models.forEach((id, future) -> {
            if (future.isDone() && !future.isCompletedExceptionally()) {
                Loaded l = future.join();
                out.add(new LoadedModel(
                        id,
                        l.snapshot().name(),
                        properties.device(),
                        l.parameterBytes(),
                        l.cacheBytes(),
                        l.batcher().running(),
                        l.batcher().waiting(),
                        lastUsed.getOrDefault(id, Instant.EPOCH)));
            }
        });
        out.sort(Comparator.comparing(LoadedModel::lastUsed).reversed());
        return out;
    }

    /** Opens and checks a model directory (config, every tensor's shape, tokenizer); the caller closes it. */
    static CausalLm open(Path dir, Device device) {
        if (!Files.isDirectory(dir)) {
            throw new ModelRegistrationException("Model directory " + dir + " does not exist or is not a directory.");
        }
        if (!Files.isRegularFile(dir.resolve("tokenizer.json"))) {
            throw new ModelRegistrationException("Model directory " + dir + " has no tokenizer.json.");
        }
        try {
            return CausalLm.load(dir, device);
        } catch (ModelFormatException e) {
            throw new ModelRegistrationException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ModelRegistrationException("Cannot load the model in " + dir + ": " + e.getMessage(), e);
        }
    }

    static Device device(String setting) {
        String s = setting.strip().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("cpu")) {
            return Device.cpu();
        }
        if (s.equals("gpu") || s.equals("cuda")) {
            return Device.gpu();
        }
        if (s.startsWith("gpu:")) {
            return Device.gpu(Integer.parseInt(s.substring(4)));
        }
        throw new IllegalArgumentException("cailab.models.device must be cpu, gpu or gpu:N, was '" + setting + "'");
    }

    /** Whether a snapshot was loaded (or is loading): it has been asked for since start. */
    boolean isLoaded(long snapshotId) {
        return models.containsKey(snapshotId);
    }

    /** Unloads a snapshot (idle, to make room, or after its files changed). */
    void evict(long snapshotId) {
        CompletableFuture<Loaded> future = models.remove(snapshotId);
        if (future != null) {
            future.thenAccept(LoadedModels::closeQuietly);
        }
    }

    @Override
    public void close() {
        if (sweep != null) {
            sweep.cancel(false);
        }
        models.values().forEach(f -> f.thenAccept(LoadedModels::closeQuietly));
        models.clear();
    }

    private static void closeQuietly(Loaded loaded) {
        try {
            loaded.batcher().close();
        } finally {
            loaded.lm().close();
            org.cailab.model.engine.NativeMemory.trim();
        }
    }
}
