package org.cailab.pipeline;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules the workers of runs as db-scheduler executions. The client writes through the Spring transaction, so
 * a run and its workers are created (or resumed) together or not at all.
 */
@Component
class RunExecutions {

    static final String WORKER_TASK = "pipeline-run-worker";

    private final SchedulerClient client;
    private final RunRepository runs;

    RunExecutions(DataSource dataSource, RunRepository runs) {
        this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource))
                .build();
        this.runs = runs;
    }

    /** Schedules the worker slots of a run's generation that are not scheduled yet. */
    void scheduleWorkers(long runId, int generation, int workers) {
        for (int slot = 0; slot < workers; slot++) {
            client.scheduleIfNotExists(
                    new TaskInstance<Void>(WORKER_TASK, new WorkerSlot(runId, generation, slot).id()), Instant.now());
        }
    }

    /**
     * Makes sure every queued or running run has its workers scheduled: a safety net for executions lost by means
     * db-scheduler cannot see (a table restored from a backup, a manual delete).
     */
    @Transactional
    public void reconcile() {
        for (RunRepository.StoredRun active : runs.findActive()) {
            scheduleWorkers(
                    active.run().id().value(),
                    active.generation(),
                    active.run().config().execution().workers());
        }
    }
}
