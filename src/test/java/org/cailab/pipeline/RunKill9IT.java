package org.cailab.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.db.jooq.Tables.PIPELINE_RUN_ITEM;
import static org.cailab.db.jooq.Tables.PIPELINE_RUN_OUTPUT;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cailab.db.EmbeddedPostgresServer;
import org.cailab.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The app is killed with {@code kill -9} in the middle of a run and started again: the run goes on where it stopped
 * and every item ends up processed, with exactly one output each. The app runs in child JVMs on this test's
 * database; this test's own scheduler is paused meanwhile and only watches. Everything is asserted on database
 * state, never on the children's logs (a killed child may have claimed an item without having logged it).
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class RunKill9IT extends IntegrationTest {

    private static final int ITEMS = 30;

    @Autowired
    RunService runs;

    @Autowired
    PipelineScheduler pipelineScheduler;

    @Autowired
    EmbeddedPostgresServer postgres;

    @Autowired
    DSLContext dsl;

    @Test
    void aRunKilledMidwayContinuesAfterRestartAndProcessesEveryItemExactlyOnce() throws Exception {
        Scheduler local = pipelineScheduler.current().orElseThrow();
        local.pause();
        try {
            Run run = runs.start(TestItemsStage.config("kill -9", ITEMS)
                    .withParameter("delayMs", "200")
                    .withExecution(new RunConfig.Execution(2, 3, 0)));

            ChildApp first = ChildApp.start("child-a", postgres.jdbcUrl(), postgres.appUser(), postgres.appPassword());
            try {
                first.awaitStarted(Duration.ofSeconds(120));
                RunAwait.until(runs, run.id(), s -> s.progress().done() >= 8, Duration.ofSeconds(180));
                assertThat(KilledInstance.sessions(dsl, first))
                        .as("the child's connections are recognisable")
                        .isPositive();
            } finally {
                first.kill();
            }
            Set<String> claimedAtKill =
                    KilledInstance.claimedItems(dsl, first, run.id().value());
            assertThat(claimedAtKill)
                    .as("at most one item per worker was in progress")
                    .hasSizeLessThanOrEqualTo(2);
            RunSummary afterKill = runs.find(run.id()).orElseThrow();
            assertThat(afterKill.run().state()).isEqualTo(RunState.RUNNING);
            assertThat(afterKill.progress().done()).isLessThan(ITEMS);

            RunSummary finished;
            ChildApp second = ChildApp.start("child-b", postgres.jdbcUrl(), postgres.appUser(), postgres.appPassword());
            try {
                second.awaitStarted(Duration.ofSeconds(120));
                finished = RunAwait.until(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofSeconds(300));
            } finally {
                second.close();
            }

            assertThat(finished.run().state()).isEqualTo(RunState.FINISHED);
            assertThat(finished.progress())
                    .extracting(RunProgress::done, RunProgress::failed)
                    .containsExactly(ITEMS, 0);
            Map<Long, String> outputWorkers = dsl.select(PIPELINE_RUN_OUTPUT.ITEM_ID, PIPELINE_RUN_OUTPUT.WORKER)
                    .from(PIPELINE_RUN_OUTPUT)
                    .where(PIPELINE_RUN_OUTPUT.RUN_ID.eq(run.id().value()))
                    .fetchMap(PIPELINE_RUN_OUTPUT.ITEM_ID, PIPELINE_RUN_OUTPUT.WORKER);
            assertThat(outputWorkers).hasSize(ITEMS);
            assertThat(outputWorkers.values())
                    .anyMatch(w -> w.startsWith("child-a#"))
                    .anyMatch(w -> w.startsWith("child-b#"));

            // only the items the killed child held were worked on twice; every other item was claimed once
            Map<String, Integer> attempts = dsl.select(PIPELINE_RUN_ITEM.ITEM_KEY, PIPELINE_RUN_ITEM.ATTEMPTS)
                    .from(PIPELINE_RUN_ITEM)
                    .where(PIPELINE_RUN_ITEM.RUN_ID.eq(run.id().value()))
                    .fetchMap(PIPELINE_RUN_ITEM.ITEM_KEY, PIPELINE_RUN_ITEM.ATTEMPTS);
            assertThat(attempts).hasSize(ITEMS);
            assertThat(attempts.entrySet().stream()
                            .filter(e -> e.getValue() > 1)
                            .map(Map.Entry::getKey)
                            .collect(Collectors.toSet()))
                    .isEqualTo(claimedAtKill);
            assertThat(attempts.entrySet())
                    .filteredOn(e -> !claimedAtKill.contains(e.getKey()))
                    .extracting(Map.Entry::getValue)
                    .containsOnly(1);
            System.out.printf(
                    "kill -9 after %d of %d items done; %d item(s) in progress at the kill were redone: %s%n",
                    afterKill.progress().done(), ITEMS, claimedAtKill.size(), claimedAtKill);
        } finally {
            local.resume();
        }
    }
}
