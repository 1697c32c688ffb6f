package org.cailab.model;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Registers a remote snapshot named in the configuration at start ({@code CAILAB_REMOTE_MODEL_*}), so that a
 * deployment with an inference server (docker/compose.yaml, profile {@code gpu}) gets it without clicking. An
 * existing snapshot of that name is left as it is.
 */
@Component
class ConfiguredRemoteBackend implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredRemoteBackend.class);

    private final ModelRegistry registry;
    private final String name;
    private final String urls;
    private final String servedModel;
    private final String apiKeyEnv;
    private final String scoring;
    private final int concurrency;
    private final int timeoutSeconds;

    ConfiguredRemoteBackend(
            ModelRegistry registry,
            @Value("${cailab.models.remote.name:}") String name,
            @Value("${cailab.models.remote.urls:}") String urls,
            @Value("${cailab.models.remote.served-model:}") String servedModel,
            @Value("${cailab.models.remote.api-key-env:}") String apiKeyEnv,
            @Value("${cailab.models.remote.scoring:prompt-logprobs}") String scoring,
            @Value("${cailab.models.remote.concurrency:64}") int concurrency,
            @Value("${cailab.models.remote.timeout-seconds:300}") int timeoutSeconds) {
        this.registry = registry;
        this.name = name.strip();
        this.urls = urls;
        this.servedModel = servedModel.strip();
        this.apiKeyEnv = apiKeyEnv.strip();
        this.scoring = scoring;
        this.concurrency = concurrency;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (urls.isBlank()) {
            return;
        }
        String snapshotName = name.isEmpty() ? servedModel : name;
        RemoteBackend backend = new RemoteBackend(
                RemoteBackend.parseUrls(urls),
                servedModel,
                apiKeyEnv.isEmpty() ? null : apiKeyEnv,
                concurrency,
                Duration.ofSeconds(timeoutSeconds),
                3,
                RemoteBackend.Scoring.parse(scoring));
        registry.registerRemoteSystem(snapshotName, SnapshotKind.PRETRAINED, backend)
                .ifPresent(s -> log.info(
                        "Registered the remote snapshot '{}' ({}) from the configuration.", s.name(), s.location()));
    }
}
