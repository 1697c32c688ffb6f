package org.cailab.pipeline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's db-scheduler: executes run workers (one execution per worker slot) and the reconciliation. It
 * starts after the whole context (Flyway has migrated by then) and stops first on shutdown; with
 * {@code cailab.pipeline.worker-enabled=false} it does not start and the instance only schedules.
 *
 * <p>db-scheduler keeps a heartbeat on every execution in progress. When an instance dies ({@code kill -9}), the
 * heartbeats of its executions stop; after {@code missed-heartbeats} intervals any instance (including the same
 * app started again) revives them, and the revived workers take the dead worker's items once their leases expire.
 */
@Component
class PipelineScheduler implements SmartLifecycle {

    static final String RECONCILE_TASK = "pipeline-reconcile";

    private final DataSource dataSource;
    private final PipelineProperties properties;
    private final RunWorker worker;
    private final CustomTask<Void> workerTask;
    private final RecurringTask<Void> reconcileTask;
    private volatile @Nullable Scheduler scheduler;

    PipelineScheduler(
            DataSource dataSource, PipelineProperties properties, RunWorker worker, RunExecutions executions) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.worker = worker;
        this.workerTask = Tasks.custom(RunExecutions.WORKER_TASK, Void.class)
                .onFailureReschedule(FixedDelay.ofSeconds(5))
                .onDeadExecutionRevive()
                .execute(this::runWorker);
        this.reconcileTask = Tasks.recurring(RECONCILE_TASK, FixedDelay.of(properties.reconcileInterval()))
                .execute((instance, context) -> executions.reconcile());
    }

    private CompletionHandler<Void> runWorker(TaskInstance<Void> instance, ExecutionContext context) {
        WorkerSlot slot = WorkerSlot.parse(instance.getId());
        String name = context.getExecution().pickedBy + "#" + slot.id();
        RunWorker.Outcome outcome =
                worker.work(slot, name, () -> context.getSchedulerState().isShuttingDown());
        if (outcome == RunWorker.Outcome.INTERRUPTED) {
            return (complete, operations) -> operations.reschedule(complete, Instant.now());
        }
        return new CompletionHandler.OnCompleteRemove<>();
    }

    /** A new, not yet started scheduler on this app's tables; tests use it to stand for a second instance. */
    Scheduler newScheduler(String name, int threads, Duration pollInterval) {
        return Scheduler.create(dataSource, workerTask)
                .startTasks(reconcileTask)
                .schedulerName(new SchedulerName.Fixed(name))
                .threads(threads)
                .pollingInterval(pollInterval)
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .enableImmediateExecution()
                .failureLogging(LogLevel.WARN, true)
                .build();
    }

    /** This instance's running scheduler, if it processes runs. */
    Optional<Scheduler> current() {
        return Optional.ofNullable(scheduler);
    }

    /** Looks for due executions now instead of at the next poll (after a run was started or resumed). */
    void wakeUp() {
        Scheduler current = scheduler;
        if (current != null) {
            current.triggerCheckForDueExecutions();
        }
    }

    @Override
    public void start() {
        if (properties.workerEnabled() && scheduler == null) {
            Scheduler created =
                    newScheduler(properties.instanceName(), properties.threads(), properties.pollInterval());
            created.start();
            scheduler = created;
        }
    }

    @Override
    public void stop() {
        Scheduler current = scheduler;
        scheduler = null;
        if (current != null) {
            current.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
