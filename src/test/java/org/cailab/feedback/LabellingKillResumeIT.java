package org.cailab.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cailab.constitution.ConstitutionService;
import org.cailab.db.EmbeddedPostgresServer;
import org.cailab.model.ModelRegistry;
import org.cailab.pipeline.ChildApp;
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
import org.cailab.slcai.SlCaiTestData;
import org.cailab.support.IntegrationTest;
import org.cailab.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A labelling run of 50 pairs is processed by an app in a child JVM that is killed with {@code kill -9} in the
 * middle; a second child finishes it. Asserted on the database only: every pair has exactly one AI label, every item
 * one output that names that label, and only items in progress at the kill took a second attempt.
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class LabellingKillResumeIT extends IntegrationTest {

    private static final int PAIRS = 50;

    @Autowired
    RunService runs;

    @Autowired
    PreferencePairService pairs;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    ConstitutionService constitutions;

    @Autowired
    ModelRegistry registry;

    @Autowired
    EmbeddedPostgresServer postgres;

    @Autowired
    ApplicationContext context;

    @Test
    void aKilledInstancesLabelsAreRedoneAndEveryLabelIsStoredExactlyOnce() throws Exception {
        SlCaiTestData.model(registry);
        long version = FeedbackTestData.constitution(constitutions);
        PromptSet set = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, PAIRS);
        List<String> childArguments = List.of(
                "--cailab.models.demo-enabled=false", "--cailab.data-dir=" + TestDataDirs.create("feedback-child"));

        // the pairs are sampled here; only the labelling runs in the children
        Run pairRun = runs.start(FeedbackTestData.responsePairs("pairs for kill -9", set)
                .withSampling(new RunConfig.Sampling(1.0, 1.0, 8))
                .withExecution(new RunConfig.Execution(4, 2, 0)));
        assertThat(SlCaiTestData.await(runs, pairRun.id(), s -> s.run().state().isTerminal(), Duration.ofSeconds(300))
                        .progress()
                        .done())
                .isEqualTo(PAIRS);

        try (AutoCloseable ignored = LocalPipeline.pauseWorkers(context)) {
            Run run = runs.start(
                    FeedbackTestData.labelling("kill -9", pairRun.id().value(), version)
                            .withExecution(new RunConfig.Execution(2, 3, 0)));

            ChildApp first = ChildApp.start(
                    "feedback-a", postgres.jdbcUrl(), postgres.appUser(), postgres.appPassword(), childArguments);
            RunSummary atKill;
            try {
                first.awaitStarted(Duration.ofSeconds(180));
                atKill = SlCaiTestData.await(runs, run.id(), s -> s.progress().done() >= 5, Duration.ofSeconds(180));
            } finally {
                first.kill();
            }
            RunSummary afterKill = runs.find(run.id()).orElseThrow();
            assertThat(afterKill.run().state()).isEqualTo(RunState.RUNNING);
            assertThat(afterKill.progress().done()).isLessThan(PAIRS);

            RunSummary finished;
            ChildApp second = ChildApp.start(
                    "feedback-b", postgres.jdbcUrl(), postgres.appUser(), postgres.appPassword(), childArguments);
            try {
                second.awaitStarted(Duration.ofSeconds(180));
                finished =
                        SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofSeconds(300));
            } finally {
                second.close();
            }

            assertThat(finished.run().state()).isEqualTo(RunState.FINISHED);
            assertThat(finished.progress().done()).isEqualTo(PAIRS);
            assertThat(finished.progress().failed()).isZero();

            List<PreferencePair> labels = pairs.pairs(PairFilter.ofRun(run.id()), 0, 1000);
            assertThat(labels).hasSize(PAIRS);
            assertThat(labels)
                    .extracting(l -> l.provenance().labelledPairId())
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(pairs.pairs(PairFilter.ofRun(pairRun.id()), 0, 1000).stream()
                            .map(PreferencePair::id)
                            .toList());
            assertThat(labels).extracting(l -> l.provenance().itemKey()).doesNotHaveDuplicates();
            Map<String, PreferencePair> byItem =
                    labels.stream().collect(Collectors.toMap(l -> l.provenance().itemKey(), Function.identity()));

            List<RunItem> items = runs.items(run.id(), null, 0, 1000);
            assertThat(items).hasSize(PAIRS).allSatisfy(item -> {
                PreferencePair label = byItem.get(item.key());
                assertThat(label).as("label of " + item.key()).isNotNull();
                assertThat(item.output().get("labelPairId").asLong()).isEqualTo(label.id());
                assertThat(item.output().get("label").asDouble()).isEqualTo(label.label());
            });
            assertThat(items)
                    .extracting(RunItem::worker)
                    .anyMatch(w -> w != null && w.startsWith("feedback-a#"))
                    .anyMatch(w -> w != null && w.startsWith("feedback-b#"));
            long redone = items.stream().filter(i -> i.attempts() > 1).count();
            assertThat(redone)
                    .as("only labels in progress at the kill are redone")
                    .isLessThanOrEqualTo(2);
            System.out.printf(
                    "Labelling kill -9 after %d of %d labels (%d in progress); items with a second attempt: %d%n",
                    atKill.progress().done(), PAIRS, atKill.progress().running(), redone);
        }
    }
}
