package org.cailab.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.db.jooq.Tables.PIPELINE_RUN_OUTPUT;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cailab.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Two scheduler instances on the same database (this app's and a second one, as another app instance would run)
 * share one run: each item is processed by exactly one of them.
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class TwoSchedulersIT extends IntegrationTest {

    private static final int ITEMS = 60;

    @Autowired
    RunService runs;

    @Autowired
    PipelineScheduler pipelineScheduler;

    @Autowired
    PipelineProperties properties;

    @Autowired
    DSLContext dsl;

    @Test
    void twoInstancesShareARunAndNeverProcessAnItemTwice() {
        Scheduler second = pipelineScheduler.newScheduler("second-instance", 4, Duration.ofMillis(100));
        second.start();
        try {
            // more workers than this app has threads, so the second instance gets some of them
            Run run = runs.start(TestItemsStage.config("two instances", ITEMS)
                    .withParameter("delayMs", "60")
                    .withExecution(new RunConfig.Execution(8, 3, 0)));

            RunSummary finished =
                    RunAwait.until(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofSeconds(60));

            assertThat(finished.run().state()).isEqualTo(RunState.FINISHED);
            assertThat(finished.progress().done()).isEqualTo(ITEMS);
            List<String> workers = dsl.select(PIPELINE_RUN_OUTPUT.WORKER)
                    .from(PIPELINE_RUN_OUTPUT)
                    .where(PIPELINE_RUN_OUTPUT.RUN_ID.eq(run.id().value()))
                    .fetch(PIPELINE_RUN_OUTPUT.WORKER);
            assertThat(workers).hasSize(ITEMS);
            assertThat(dsl.fetchCount(dsl.selectDistinct(PIPELINE_RUN_OUTPUT.ITEM_ID)
                            .from(PIPELINE_RUN_OUTPUT)
                            .where(PIPELINE_RUN_OUTPUT.RUN_ID.eq(run.id().value()))))
                    .isEqualTo(ITEMS);
            assertThat(TestItemsStage.calls(run.id().value()))
                    .hasSize(ITEMS)
                    .allSatisfy((key, calls) -> assertThat(calls).as(key).isEqualTo(1));
            Set<String> instances =
                    workers.stream().map(w -> w.substring(0, w.indexOf('#'))).collect(Collectors.toSet());
            assertThat(instances).containsExactlyInAnyOrder(properties.instanceName(), "second-instance");
        } finally {
            second.stop();
        }
    }
}
