package org.cailab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.cailab.support.IntegrationTest;
import org.cailab.support.TinyModelFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The playground's "max new tokens" is checked by the service, not only by the browser's field: a live request above
 * {@code cailab.models.max-live-new-tokens} (2048 by default) is refused before it reaches a model.
 */
class LiveTokenLimitIT extends IntegrationTest {

    private static final String PROMPT = "\n\nHuman: hello?\n\nAssistant:";

    @Autowired
    ModelService models;

    @Autowired
    ModelRegistry registry;

    @Autowired
    ModelProperties properties;

    @Test
    @WithMockUser(
            username = "admin",
            roles = {"ADMIN", "RESEARCHER"})
    void liveRequestsAboveTheLimitAreRefusedWithTheLimitInTheMessage() {
        ModelSnapshot snapshot = registry.register(NewSnapshot.local(
                "limit-" + UUID.randomUUID().toString().substring(0, 8),
                SnapshotKind.PRETRAINED,
                TinyModelFixture.create("limit", 11).toString()));
        int limit = properties.maxLiveNewTokens();
        assertThat(limit).isEqualTo(2048);

        SamplingSettings tooMany =
                SamplingSettings.defaults().withMaxNewTokens(limit + 1).live("playground-researcher");
        assertThatThrownBy(() -> models.generate(snapshot.id(), PROMPT, tooMany, d -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(limit + 1))
                .hasMessageContaining("limit of " + limit);
        SamplingSettings huge =
                SamplingSettings.defaults().withMaxNewTokens(1_000_000).live("playground-researcher");
        assertThatThrownBy(() -> models.generate(snapshot.id(), PROMPT, huge, d -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit of " + limit);
        assertThatThrownBy(() -> models.generateAll(snapshot.id(), List.of(PROMPT), huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit of " + limit);

        // within the limit the same request is served
        SamplingSettings fine =
                SamplingSettings.defaults().withMaxNewTokens(8).withSeed(3L).live("playground-researcher");
        GenerationResult result =
                models.generate(snapshot.id(), PROMPT, fine, d -> {}).join();
        assertThat(result.generatedTokens()).isBetween(0, 8);
    }
}
