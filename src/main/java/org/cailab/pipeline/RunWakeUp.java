package org.cailab.pipeline;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Wakes this instance's scheduler after a run's workers were queued and the transaction committed (asynchronously,
 * on Boot's {@code applicationTaskExecutor}). Only a shortcut: without it the scheduler finds the workers at its next
 * poll, and a wake-up that comes late or twice (resubmitted after a restart) changes nothing, because items are
 * claimed with leases (docs/decisions/0002).
 */
@Component
class RunWakeUp {

    private final PipelineScheduler scheduler;

    RunWakeUp(PipelineScheduler scheduler) {
        this.scheduler = scheduler;
    }

    // a stable id: the registry matches stored publications to their listener by it (also after a rename)
    @ApplicationModuleListener(id = "pipeline.run-wake-up", propagation = Propagation.NOT_SUPPORTED)
    void on(RunWorkersQueued queued) {
        scheduler.wakeUp();
    }
}
