package org.cailab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.slcai.SlCaiTestData.asAdmin;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cailab.constitution.ConstitutionService;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunItem;
import org.cailab.pipeline.RunItemState;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.security.ApiKeyService;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Pipeline runs over remote snapshots: the work spreads over several URLs; a dead server leaves items to retry. */
class OpenAiRunsIT extends IntegrationTest {

    @Autowired
    RunService runs;

    @Autowired
    ModelRegistry registry;

    @Autowired
    ConstitutionService constitutions;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    ApiKeyService keys;

    @LocalServerPort
    int port;

    @Test
    void aRunOverASnapshotWithTwoServerUrlsUsesBoth() {
        ModelSnapshot served = SlCaiTestData.model(registry);
        String variable = "CAILAB_TEST_RUN_KEY_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        System.setProperty(
                variable,
                asAdmin(() -> keys.create(
                                "runs over /v1", java.util.Set.of(org.cailab.security.ApiKeyScope.OPENAI_API), null))
                        .secret());
        // two names of this very server: two URLs as far as the client can tell
        RemoteBackend backend = RemoteBackend.of(
                List.of(URI.create("http://localhost:" + port), URI.create("http://127.0.0.1:" + port)),
                served.name(),
                variable);
        ModelSnapshot remote =
                asAdmin(() -> registry.registerRemote(unique("fleet"), SnapshotKind.PRETRAINED, backend, ""));
        long version = SlCaiTestData.constitution(constitutions, SlCaiTestData.CONSTITUTION);
        PromptSet set = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 4);

        Run run = asAdmin(() -> runs.start(SlCaiTestData.config("over two URLs", set, version, 1)
                .withModelSnapshots(List.of(remote.name()))
                .withExecution(new RunConfig.Execution(2, 2, 0))));
        RunSummary finished = asAdmin(
                () -> SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(3)));
        assertThat(finished.run().state())
                .as(asAdmin(() -> runs.log(run.id(), 10)).toString())
                .isEqualTo(RunState.FINISHED);
        assertThat(finished.progress().done()).isEqualTo(4);
        List<BackendHealth> health = asAdmin(() -> registry.backendHealth()).stream()
                .filter(h -> h.snapshot().equals(remote.name()))
                .toList();
        assertThat(health)
                .hasSize(2)
                .allSatisfy(h -> assertThat(h.requests()).as(h.url()).isPositive());
    }

    @Test
    void aServerThatNeverAnswersLeavesTheItemFailedAndWaitingForARetry() throws Exception {
        try (OpenAiTestServers.SilentServer silent = new OpenAiTestServers.SilentServer()) {
            ModelSnapshot remote = asAdmin(() -> registry.registerRemote(
                    unique("silent"),
                    SnapshotKind.PRETRAINED,
                    RemoteBackend.of(List.of(silent.url()), "anything", null).withLimits(2, Duration.ofSeconds(1), 0),
                    ""));
            long version = SlCaiTestData.constitution(constitutions, SlCaiTestData.CONSTITUTION);
            PromptSet set = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 1);
            // three attempts, the next one an hour away: the item must wait for it, neither done nor given up
            Run run = asAdmin(() -> runs.start(SlCaiTestData.config("silent server", set, version, 1)
                    .withModelSnapshots(List.of(remote.name()))
                    .withExecution(new RunConfig.Execution(1, 3, 3600))));
            asAdmin(() -> SlCaiTestData.await(
                    runs,
                    run.id(),
                    s -> items(run.id()).getFirst().attempts() >= 1
                            && items(run.id()).getFirst().state() == RunItemState.PENDING,
                    Duration.ofMinutes(2)));
            RunItem item = asAdmin(() -> items(run.id())).getFirst();
            assertThat(item.state()).isEqualTo(RunItemState.PENDING);
            assertThat(item.output()).isNull();
            assertThat(item.lastError())
                    .contains(remote.name())
                    .contains("no answer within 1 s (timeout)")
                    .contains(silent.url().toString());
            assertThat(asAdmin(() -> runs.find(run.id()))
                            .orElseThrow()
                            .run()
                            .state()
                            .isTerminal())
                    .isFalse();
            asAdmin(() -> runs.cancel(run.id()));
        }
    }

    private List<RunItem> items(RunId runId) {
        return runs.items(runId, null, 0, 10);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
