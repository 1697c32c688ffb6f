package org.cailab.pipeline;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.cailab.security.ActingAs;
import org.cailab.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The loop of one worker slot: claim the next item, process it with the run's stage, store the output (or the
 * failure), until no item is open (the run is finished), the run is paused or cancelled, or the app shuts down.
 */
@Component
class RunWorker {

    /** Why a worker stopped. */
    enum Outcome {
        /** The run has no open items left. */
        FINISHED,
        /** The run was paused, cancelled or resumed by a newer generation of workers, or cannot run here. */
        STOPPED,
        /** The app is shutting down while the run goes on: the slot must run again later. */
        INTERRUPTED
    }

    private static final Logger log = LoggerFactory.getLogger(RunWorker.class);

    private final RunLedger ledger;
    private final RunStages stages;
    private final LeaseKeeper leases;
    private final PipelineProperties properties;

    RunWorker(RunLedger ledger, RunStages stages, LeaseKeeper leases, PipelineProperties properties) {
        this.ledger = ledger;
        this.stages = stages;
        this.leases = leases;
        this.properties = properties;
    }

    Outcome work(WorkerSlot slot, String worker, BooleanSupplier shuttingDown) {
        Optional<RunRepository.StoredRun> begun = ledger.begin(slot.runId(), slot.generation(), worker);
        if (begun.isEmpty()) {
            return Outcome.STOPPED;
        }
        Run run = begun.get().run();
        Optional<RunStage> stage = stages.find(run.type());
        if (stage.isEmpty()) {
            ledger.failRun(
                    run.id().value(), "No handler for run type '" + run.type() + "' in this version of the app.");
            return Outcome.STOPPED;
        }
        // Stages call other modules' services, which check roles: they act as the researcher who started the run.
        return ActingAs.as(
                run.createdBy(), Role.RESEARCHER_ROLE, () -> loop(run, stage.get(), slot, worker, shuttingDown));
    }

    private Outcome loop(Run run, RunStage stage, WorkerSlot slot, String worker, BooleanSupplier shuttingDown) {
        RunConfig.Execution execution = run.config().execution();
        while (true) {
            if (shuttingDown.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                return Outcome.INTERRUPTED;
            }
            if (!ledger.isCurrent(run.id().value(), slot.generation())) {
                return Outcome.STOPPED;
            }
            Optional<ItemClaimRepository.ClaimedItem> claimed =
                    ledger.claim(run.id().value(), execution.maxAttempts(), worker, properties.lease());
            if (claimed.isPresent()) {
                process(run, stage, slot, claimed.get(), worker, shuttingDown);
            } else if (ledger.finishIfComplete(run.id().value())) {
                return Outcome.FINISHED;
            } else if (!pause(properties.idleWait())) {
                // the open items are in other workers' hands or waiting for a retry: look again shortly
                return Outcome.INTERRUPTED;
            }
        }
    }

    private void process(
            Run run,
            RunStage stage,
            WorkerSlot slot,
            ItemClaimRepository.ClaimedItem item,
            String worker,
            BooleanSupplier shuttingDown) {
        RunConfig.Execution execution = run.config().execution();
        leases.hold(item.token());
        try {
            ItemResult result;
            try {
                Context context = new Context(run, slot, item.attempt(), worker, shuttingDown);
                result = stage.process(context, item.input());
                if (result == null) {
                    throw new IllegalStateException("The stage returned no result");
                }
            } catch (Exception e) {
                if (shuttingDown.getAsBoolean()) {
                    ledger.release(item);
                } else {
                    log.debug("Run {} item {} attempt {} failed", run.id(), item.key(), item.attempt(), e);
                    ledger.fail(item, e, execution.maxAttempts(), Duration.ofSeconds(execution.retryDelaySeconds()));
                }
                return;
            }
            try {
                ledger.complete(item, result.output(), worker);
            } catch (RuntimeException e) {
                // e.g. an output the database cannot store: count it as a failed attempt instead of letting the
                // worker die and the item wait for its lease to expire, only to fail the same way again
                log.warn("Run {} item {}: storing the output failed", run.id(), item.key(), e);
                ledger.fail(item, e, execution.maxAttempts(), Duration.ofSeconds(execution.retryDelaySeconds()));
            }
        } finally {
            leases.release(item.token());
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private final class Context implements RunContext {

        private final Run run;
        private final WorkerSlot slot;
        private final int attempt;
        private final String worker;
        private final BooleanSupplier shuttingDown;

        Context(Run run, WorkerSlot slot, int attempt, String worker, BooleanSupplier shuttingDown) {
            this.run = run;
            this.slot = slot;
            this.attempt = attempt;
            this.worker = worker;
            this.shuttingDown = shuttingDown;
        }

        @Override
        public long runId() {
            return run.id().value();
        }

        @Override
        public RunConfig config() {
            return run.config();
        }

        @Override
        public int attempt() {
            return attempt;
        }

        @Override
        public String worker() {
            return worker;
        }

        @Override
        public void log(RunLogLevel level, String message) {
            ledger.log(run.id().value(), level, message);
        }

        @Override
        public boolean stopRequested() {
            return shuttingDown.getAsBoolean() || !ledger.isCurrent(run.id().value(), slot.generation());
        }
    }
}
