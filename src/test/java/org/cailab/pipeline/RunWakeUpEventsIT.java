package org.cailab.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.db.jooq.Tables.EVENT_PUBLICATION;
import static org.cailab.db.jooq.Tables.PIPELINE_RUN;

import java.time.Duration;
import java.util.List;
import org.cailab.db.jooq.tables.records.EventPublicationRecord;
import org.cailab.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starting a run wakes the scheduler through Spring Modulith's event publication registry (decision 0151,
 * "after-commit work as events"): the wake-up is a row of {@code event_publication} written in the run's own
 * transaction, completed (deleted) after the commit, and gone with the run when the transaction rolls back.
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class RunWakeUpEventsIT extends IntegrationTest {

    private static final String LISTENER = "pipeline.run-wake-up";

    @Autowired
    RunService runs;

    @Autowired
    DSLContext dsl;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationContext context;

    @Test
    void theWakeUpIsWrittenWithTheRunAndCompletedAfterTheCommit() {
        long[] runId = new long[1];
        List<EventPublicationRecord> inTransaction = transactions.execute(tx -> {
            runId[0] = runs.start(TestItemsStage.config("wake-up committed", 3))
                    .id()
                    .value();
            return publications(runId[0]);
        });

        assertThat(inTransaction).singleElement().satisfies(row -> {
            assertThat(row.getListenerId()).isEqualTo(LISTENER);
            assertThat(row.getEventType()).isEqualTo(RunWorkersQueued.class.getName());
            assertThat(row.getStatus()).isEqualTo("PUBLISHED");
        });
        RunAwait.until(runs, new RunId(runId[0]), s -> publications(runId[0]).isEmpty(), Duration.ofSeconds(60));
        assertThat(RunAwait.state(runs, new RunId(runId[0]), RunState.FINISHED)
                        .progress()
                        .done())
                .isEqualTo(3);
    }

    @Test
    void aRolledBackStartLeavesNeitherRunNorWakeUp() {
        long[] runId = new long[1];
        Integer inTransaction = transactions.execute(tx -> {
            runId[0] = runs.start(TestItemsStage.config("wake-up rolled back", 3))
                    .id()
                    .value();
            tx.setRollbackOnly();
            return publications(runId[0]).size();
        });

        assertThat(inTransaction).isEqualTo(1);
        assertThat(publications(runId[0])).isEmpty();
        assertThat(dsl.fetchExists(PIPELINE_RUN, PIPELINE_RUN.ID.eq(runId[0]))).isFalse();
    }

    @Test
    void asyncListenersRunOnBootsApplicationTaskExecutor() {
        // @ApplicationModuleListener is @Async; Boot hands @Async its applicationTaskExecutor (kept by
        // spring.task.execution.mode=force) only while nobody else declares an AsyncConfigurer
        assertThat(context.getBean(AsyncConfigurer.class).getAsyncExecutor())
                .isSameAs(context.getBean("applicationTaskExecutor"));
    }

    private List<EventPublicationRecord> publications(long runId) {
        return dsl
                .selectFrom(EVENT_PUBLICATION)
                .where(EVENT_PUBLICATION.EVENT_TYPE.eq(RunWorkersQueued.class.getName()))
                .fetch()
                .stream()
                .filter(row -> json.readValue(row.getSerializedEvent(), RunWorkersQueued.class)
                                .runId()
                        == runId)
                .toList();
    }
}
