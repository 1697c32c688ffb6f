package org.cailab.model;

import ai.djl.Device;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.DynamicBatcher;
import org.cailab.model.engine.ModelFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;

/**
 * Keeps each used snapshot loaded once, with one dynamic batcher in front of it, so that concurrent requests
 * (many crowdworkers, a run's items) share batches. Loading happens on first use.
 */
@Component
class LoadedModels implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoadedModels.class);

    record Loaded(CausalLm lm, DynamicBatcher batcher) {
    }

    private final Map<Long, CompletableFuture<Loaded>> models = new ConcurrentHashMap<>();
    private final ModelProperties properties;

    LoadedModels(ModelProperties properties) {
        this.properties = properties;
    }

    Loaded get(ModelSnapshot snapshot) {
        CompletableFuture<Loaded> future = models.computeIfAbsent(snapshot.id(),
                id -> CompletableFuture.supplyAsync(() -> load(snapshot), Thread::startVirtualThread));
        try {
            return future.join();
        } catch (CompletionException e) {
            models.remove(snapshot.id(), future);
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    private Loaded load(ModelSnapshot snapshot) {
        long start = System.nanoTime();
        CausalLm lm = open(Path.of(snapshot.location()), device(properties.device()));
        DynamicBatcher batcher = DynamicBatcher.builder().setModel(lm).optMaxBatchSize(properties.maxBatchSize()).build();
        log.info("Loaded model snapshot '{}' from {} in {} ms", snapshot.name(), snapshot.location(),
                (System.nanoTime() - start) / 1_000_000);
        return new Loaded(lm, batcher);
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

    /** Unloads a snapshot (e.g. after its files changed). */
    void evict(long snapshotId) {
        CompletableFuture<Loaded> future = models.remove(snapshotId);
        if (future != null) {
            future.thenAccept(LoadedModels::closeQuietly);
        }
    }

    @Override
    public void close() {
        models.values().forEach(f -> f.thenAccept(LoadedModels::closeQuietly));
        models.clear();
    }

    private static void closeQuietly(Loaded loaded) {
        try {
            loaded.batcher().close();
        } finally {
            loaded.lm().close();
        }
    }
}
