package org.cailab.pipeline;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.cailab.db.EmbeddedPostgresServer;
import org.cailab.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.db.jooq.Tables.PIPELINE_RUN_ITEM;
import static org.cailab.db.jooq.Tables.PIPELINE_RUN_OUTPUT;

/**
 * The app is killed with {@code kill -9} in the middle of a run and started again: the run goes on where it stopped
 * and every item ends up processed, with exactly one output each. The app runs in child JVMs on this test's
 * database; this test's own scheduler is paused meanwhile and only watches.
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class RunKill9IT extends IntegrationTest {

    private static final Pattern PROCESSING = Pattern.compile("test-items processing run (\\d+) (item-\\d+) on (\\S+) attempt (\\d+)");
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
            Run run = runs.start(TestItemsStage.config("kill -9", ITEMS).withParameter("delayMs", "200")
                    .withExecution(new RunConfig.Execution(2, 3, 0)));

            ChildApp first = ChildApp.start("child-a", postgres.jdbcUrl(), "postgres");
            try {
                first.awaitStarted(Duration.ofSeconds(120));
                awaitProcessing(first, run.id(), 8);
            } finally {
                first.kill();
            }
            RunSummary afterKill = runs.find(run.id()).orElseThrow();
            assertThat(afterKill.run().state()).isEqualTo(RunState.RUNNING);
            assertThat(afterKill.progress().done()).isLessThan(ITEMS);

            RunSummary finished;
            ChildApp second = ChildApp.start("child-b", postgres.jdbcUrl(), "postgres");
            try {
                second.awaitStarted(Duration.ofSeconds(120));
                finished = RunAwait.until(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofSeconds(90));
            } finally {
                second.close();
            }

            assertThat(finished.run().state()).isEqualTo(RunState.FINISHED);
            assertThat(finished.progress()).extracting(RunProgress::done, RunProgress::failed).containsExactly(ITEMS, 0);
            Map<Long, String> outputWorkers = dsl.select(PIPELINE_RUN_OUTPUT.ITEM_ID, PIPELINE_RUN_OUTPUT.WORKER)
                    .from(PIPELINE_RUN_OUTPUT).where(PIPELINE_RUN_OUTPUT.RUN_ID.eq(run.id()))
                    .fetchMap(PIPELINE_RUN_OUTPUT.ITEM_ID, PIPELINE_RUN_OUTPUT.WORKER);
            assertThat(outputWorkers).hasSize(ITEMS);
            assertThat(outputWorkers.values()).anyMatch(w -> w.startsWith("child-a#")).anyMatch(w -> w.startsWith("child-b#"));

            // every item was worked on; only the few in progress at the kill were worked on twice
            Set<String> byFirst = processed(first, run.id());
            Set<String> bySecond = processed(second, run.id());
            Set<String> all = new HashSet<>(byFirst);
            all.addAll(bySecond);
            assertThat(all).isEqualTo(IntStream.range(0, ITEMS).mapToObj(TestItemsStage::key).collect(Collectors.toSet()));
            Set<String> twice = new HashSet<>(byFirst);
            twice.retainAll(bySecond);
            assertThat(twice).hasSizeLessThanOrEqualTo(2);
            List<Integer> attempts = dsl.select(PIPELINE_RUN_ITEM.ATTEMPTS).from(PIPELINE_RUN_ITEM)
                    .where(PIPELINE_RUN_ITEM.RUN_ID.eq(run.id())).fetch(PIPELINE_RUN_ITEM.ATTEMPTS);
            assertThat(attempts.stream().filter(a -> a > 1).count()).isEqualTo(twice.size());
            System.out.printf("kill -9 after %d of %d items done; %d item(s) in progress at the kill were redone: %s%n",
                    afterKill.progress().done(), ITEMS, twice.size(), twice);
        } finally {
            local.resume();
        }
    }

    private static void awaitProcessing(ChildApp child, long runId, int items) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (processed(child, runId).size() < items) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("child did not process " + items + " items:\n" + String.join("\n", child.lines()));
            }
            Thread.sleep(20);
        }
    }

    private static Set<String> processed(ChildApp child, long runId) {
        Set<String> keys = new HashSet<>();
        for (String line : child.lines()) {
            Matcher m = PROCESSING.matcher(line);
            if (m.find() && Long.parseLong(m.group(1)) == runId) {
                keys.add(m.group(2));
            }
        }
        return keys;
    }
}
