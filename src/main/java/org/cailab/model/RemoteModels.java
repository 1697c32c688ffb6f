package org.cailab.model;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.cailab.model.openai.OpenAiClient;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@link OpenAiClient} per remote snapshot, made on first use and kept (its concurrency limit, busy counts and
 * taken-out URLs must be shared by every caller). The API key is looked up by its variable's name at each request,
 * in the process environment or, failing that, the Spring property of that name.
 */
@Component
class RemoteModels {

    private final ModelSnapshotRepository snapshots;
    private final Environment environment;
    private final ModelProperties properties;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Map<Long, Optional<OpenAiClient>> clients = new ConcurrentHashMap<>();

    RemoteModels(
            ModelSnapshotRepository snapshots, Environment environment, ModelProperties properties, JsonMapper json) {
        this.json = json;
        this.snapshots = snapshots;
        this.environment = environment;
        this.properties = properties;
    }

    /** The client of a remote snapshot; empty for a local one. */
    Optional<OpenAiClient> client(ModelSnapshot snapshot) {
        return clients.computeIfAbsent(
                snapshot.id(),
                id -> snapshots
                        .findRemote(id)
                        .map(backend -> new OpenAiClient(
                                snapshot.name(),
                                backend,
                                http,
                                name -> environment.getProperty(name),
                                properties.remoteBackoff(),
                                properties.remoteTakeOut(),
                                json)));
    }

    /** Every remote snapshot's servers, asked all at once (a dead URL costs its timeout once, not once each). */
    List<BackendHealth> health(List<ModelSnapshot> all) {
        List<CompletableFuture<List<BackendHealth>>> checks = new ArrayList<>();
        for (ModelSnapshot snapshot : all) {
            client(snapshot)
                    .ifPresent(c -> checks.add(CompletableFuture.supplyAsync(
                            () -> c.health(Duration.ofSeconds(5)), Thread::startVirtualThread)));
        }
        List<BackendHealth> result = new ArrayList<>();
        checks.forEach(c -> result.addAll(c.join()));
        return result;
    }
}
