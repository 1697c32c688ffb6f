package org.cailab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cailab.support.IntegrationTest;
import org.cailab.support.TinyModelFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

class ModelRegistryIT extends IntegrationTest {

    @Autowired
    ModelRegistry registry;

    @Autowired
    ModelService models;

    @Test
    @WithMockUser(
            username = "admin",
            roles = {"ADMIN", "RESEARCHER"})
    void registeredSnapshotGeneratesStreamsAndScores() {
        Path dir = TinyModelFixture.create("registry", 5);
        ModelSnapshot snapshot =
                registry.register(NewSnapshot.local(unique("tiny"), SnapshotKind.PRETRAINED, dir.toString()));
        assertThat(models.snapshots()).extracting(ModelSnapshot::id).contains(snapshot.id());

        List<String> deltas = new CopyOnWriteArrayList<>();
        SamplingSettings settings =
                SamplingSettings.defaults().withMaxNewTokens(12).withSeed(7L);
        GenerationResult result = models.generate(
                        snapshot.id(), "\n\nHuman: hello?\n\nAssistant:", settings, deltas::add)
                .join();
        assertThat(result.generatedTokens()).isPositive();
        assertThat(String.join("", deltas)).isEqualTo(result.text());
        GenerationResult again = models.generate(snapshot.id(), "\n\nHuman: hello?\n\nAssistant:", settings, d -> {})
                .join();
        assertThat(again.text()).as("same seed, same sample").isEqualTo(result.text());

        List<ScoredContinuation> scores =
                models.score(snapshot.id(), List.of("\n\nHuman: hi\n\nAssistant:", "x"), List.of(" (A)", " (B)"));
        assertThat(scores).hasSize(2);
        assertThat(scores.get(0).logProb()).isNegative();
        assertThat(scores.get(0).tokenLogProbs().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isCloseTo(scores.get(0).logProb(), org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    @WithMockUser(
            username = "admin",
            roles = {"ADMIN", "RESEARCHER"})
    void concurrentRequestsAreServed() {
        Path dir = TinyModelFixture.create("concurrent", 6);
        ModelSnapshot snapshot =
                registry.register(NewSnapshot.local(unique("tiny"), SnapshotKind.PRETRAINED, dir.toString()));
        SamplingSettings settings = SamplingSettings.defaults().withMaxNewTokens(8);
        List<CompletableFuture<GenerationResult>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            futures.add(
                    models.generate(snapshot.id(), "\n\nHuman: question " + i + "\n\nAssistant:", settings, d -> {}));
        }
        List<GenerationResult> results =
                futures.stream().map(CompletableFuture::join).toList();
        assertThat(results).allSatisfy(r -> assertThat(r.generatedTokens()).isBetween(0, 8));
        assertThat(results.stream().mapToInt(GenerationResult::generatedTokens).sum())
                .isPositive();
    }

    @Test
    @WithMockUser(
            username = "admin",
            roles = {"ADMIN", "RESEARCHER"})
    void brokenDirectoriesAreRefusedWithReasons() throws Exception {
        assertThatThrownBy(() -> registry.register(
                        NewSnapshot.local(unique("x"), SnapshotKind.PRETRAINED, "/nonexistent/model")))
                .isInstanceOf(ModelRegistrationException.class)
                .hasMessageContaining("/nonexistent/model");

        Path dir = TinyModelFixture.create("broken", 7);
        Files.write(dir.resolve("model.safetensors"), new byte[] {1, 2, 3});
        assertThatThrownBy(() ->
                        registry.register(NewSnapshot.local(unique("x"), SnapshotKind.PRETRAINED, dir.toString())))
                .isInstanceOf(ModelRegistrationException.class)
                .hasMessageContaining("model.safetensors");

        Path good = TinyModelFixture.create("dup", 8);
        String name = unique("dup");
        registry.register(NewSnapshot.local(name, SnapshotKind.PRETRAINED, good.toString()));
        assertThatThrownBy(() -> registry.register(
                        NewSnapshot.local(name.toUpperCase(), SnapshotKind.PRETRAINED, good.toString())))
                .hasMessageContaining("already exists");
    }

    @Test
    @WithMockUser(username = "w", roles = "WORKER")
    void workersCannotRegisterOrList() {
        assertThatThrownBy(() -> registry.register(NewSnapshot.local("x", SnapshotKind.PRETRAINED, "/tmp")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.list()).isInstanceOf(AccessDeniedException.class);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
