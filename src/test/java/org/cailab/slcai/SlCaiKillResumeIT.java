package org.cailab.slcai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.SlPrinciple;
import org.cailab.db.EmbeddedPostgresServer;
import org.cailab.model.ModelRegistry;
import org.cailab.pipeline.ChildApp;
import org.cailab.pipeline.KilledInstance;
import org.cailab.pipeline.LocalPipeline;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunItem;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.support.IntegrationTest;
import org.cailab.support.TestDataDirs;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * An SL-CAI run is processed by an app in a child JVM that is killed with {@code kill -9} in the middle; a second
 * child takes over. Every chain ends up stored exactly once and complete, the chains in progress at the kill are
 * redone from the start (same seed, same principle draws), and nothing else is processed twice. This app's own
 * workers are paused meanwhile; it only watches. Everything is asserted on database state: a killed child may have
 * claimed an item without having logged it.
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class SlCaiKillResumeIT extends IntegrationTest {

    private static final int PROMPTS = 30;

    @Autowired
    RunService runs;

    @Autowired
    SlCaiService slCai;

    @Autowired
    ConstitutionService constitutions;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    ModelRegistry registry;

    @Autowired
    EmbeddedPostgresServer postgres;

    @Autowired
    ApplicationContext context;

    @Autowired
    DSLContext dsl;

    @Test
    void aKilledInstancesChainsAreRedoneAndEveryChainIsStoredExactlyOnce() throws Exception {
        SlCaiTestData.model(registry);
        long version = SlCaiTestData.constitution(constitutions, SlCaiTestData.CONSTITUTION);
        PromptSet set = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, PROMPTS);
        List<String> childArguments = List.of(
                "--cailab.models.demo-enabled=false",
                "--cailab.data-dir=" + TestDataDirs.create("slcai-child"),
                "--logging.level.org.cailab.slcai=DEBUG");

        try (AutoCloseable ignored = LocalPipeline.pauseWorkers(context)) {
            Run run = runs.start(SlCaiTestData.config("kill -9", set, version, 2)
                    .withSampling(new RunConfig.Sampling(1.0, 1.0, 48))
                    .withExecution(new RunConfig.Execution(2, 3, 0)));

            ChildApp first = ChildApp.start(
                    "slcai-a", postgres.jdbcUrl(), postgres.appUser(), postgres.appPassword(), childArguments);
            RunSummary atKill;
            try {
                first.awaitStarted(Duration.ofSeconds(180));
                atKill = SlCaiTestData.await(runs, run.id(), s -> s.progress().done() >= 3, Duration.ofSeconds(300));
                assertThat(KilledInstance.sessions(dsl, first))
                        .as("the child's connections are recognisable")
                        .isPositive();
            } finally {
                first.kill();
            }
            Set<String> claimedAtKill =
                    KilledInstance.claimedItems(dsl, first, run.id().value());
            assertThat(claimedAtKill)
                    .as("at most one chain per worker was in progress")
                    .hasSizeLessThanOrEqualTo(2);
            RunSummary afterKill = runs.find(run.id()).orElseThrow();
            assertThat(afterKill.run().state()).isEqualTo(RunState.RUNNING);
            assertThat(afterKill.progress().done()).isLessThan(PROMPTS);

            RunSummary finished;
            ChildApp second = ChildApp.start(
                    "slcai-b", postgres.jdbcUrl(), postgres.appUser(), postgres.appPassword(), childArguments);
            try {
                second.awaitStarted(Duration.ofSeconds(180));
                finished =
                        SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofSeconds(420));
            } finally {
                second.close();
            }

            assertThat(finished.run().state()).isEqualTo(RunState.FINISHED);
            assertThat(finished.progress().done()).isEqualTo(PROMPTS);
            assertThat(finished.progress().failed()).isZero();

            List<StoredSample> samples = slCai.samples(run.id(), null, 0, 100);
            assertThat(samples).hasSize(PROMPTS);
            assertThat(samples).extracting(StoredSample::itemKey).doesNotHaveDuplicates();
            List<SlPrinciple> enabled = constitutions.version(version).content().enabledSlPrinciples();
            assertThat(samples).allSatisfy(s -> {
                CritiqueRevisionChain chain = (CritiqueRevisionChain) s.sample();
                assertThat(chain.rounds()).hasSize(2).allMatch(ChainRound::hasCritique);
                assertThat(chain.rounds())
                        .extracting(ChainRound::principleKey)
                        .containsExactlyElementsOf(ChainSampler.drawPrinciples(enabled, 2, chain.seed()).stream()
                                .map(SlPrinciple::key)
                                .toList());
            });
            List<RunItem> items = runs.items(run.id(), null, 0, 100);
            assertThat(items)
                    .extracting(RunItem::worker)
                    .anyMatch(w -> w != null && w.startsWith("slcai-a#"))
                    .anyMatch(w -> w != null && w.startsWith("slcai-b#"));

            // exactly the chains the killed child held were worked on again; every other chain was claimed once
            assertThat(items.stream()
                            .filter(i -> i.attempts() > 1)
                            .map(RunItem::key)
                            .collect(Collectors.toSet()))
                    .as("chains worked on more than once")
                    .isEqualTo(claimedAtKill);
            assertThat(items)
                    .filteredOn(i -> !claimedAtKill.contains(i.key()))
                    .extracting(RunItem::attempts)
                    .containsOnly(1);
            System.out.printf(
                    "SL-CAI kill -9 after %d of %d chains (%d in progress); redone: %s%n",
                    atKill.progress().done(), PROMPTS, atKill.progress().running(), claimedAtKill);
        }
    }
}
