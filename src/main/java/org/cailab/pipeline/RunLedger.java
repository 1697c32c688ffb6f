package org.cailab.pipeline;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The workers' side of the run tables: every step of an item's life in its own short transaction, each with the
 * log line that tells about it. Claims are fenced by their token, so a worker whose claim expired (and went to
 * another worker) can neither store an output nor record a failure for the item.
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class RunLedger {

    private final RunRepository runs;
    private final ItemClaimRepository claims;
    private final ApplicationEventPublisher events;

    RunLedger(RunRepository runs, ItemClaimRepository claims, ApplicationEventPublisher events) {
        this.runs = runs;
        this.claims = claims;
        this.events = events;
    }

    public Optional<RunRepository.StoredRun> begin(long runId, int generation, String worker) {
        Optional<RunRepository.StoredRun> run = runs.beginWork(runId, generation);
        run.ifPresent(r -> runs.log(runId, RunLogLevel.INFO, "Worker " + worker + " started."));
        return run;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public boolean isCurrent(long runId, int generation) {
        return runs.isCurrent(runId, generation);
    }

    public Optional<ItemClaimRepository.ClaimedItem> claim(long runId, int maxAttempts, String worker, Duration lease) {
        for (ItemClaimRepository.FailedAttempt lost : claims.failExpiredLastAttempts(runId, maxAttempts)) {
            runs.log(
                    runId,
                    RunLogLevel.ERROR,
                    "Item " + lost.key() + " failed: its worker stopped during attempt " + lost.attempts() + " of "
                            + maxAttempts + ".");
        }
        return claims.claim(runId, worker, lease);
    }

    public boolean complete(ItemClaimRepository.ClaimedItem item, JsonNode output, String worker) {
        boolean stored = claims.complete(item, output.toString(), worker);
        if (!stored) {
            runs.log(
                    item.runId(),
                    RunLogLevel.WARN,
                    "Item " + item.key() + ": result of " + worker
                            + " discarded, its claim had expired and the item went to another worker.");
        }
        return stored;
    }

    public void fail(ItemClaimRepository.ClaimedItem item, Exception error, int maxAttempts, Duration retryDelay) {
        String message = describe(error);
        claims.fail(item, message, maxAttempts, retryDelay).ifPresent(attempt -> {
            if (attempt.state() == RunItemState.FAILED) {
                runs.log(
                        item.runId(),
                        RunLogLevel.ERROR,
                        "Item " + item.key() + " failed after " + attempt.attempts() + " attempts: " + message);
            } else {
                runs.log(
                        item.runId(),
                        RunLogLevel.WARN,
                        "Item " + item.key() + ", attempt " + attempt.attempts() + " of " + maxAttempts
                                + " failed, will retry: " + message);
            }
        });
    }

    /** Gives a claim back without counting the attempt (the app is shutting down). */
    public void release(ItemClaimRepository.ClaimedItem item) {
        claims.release(item);
    }

    public boolean finishIfComplete(long runId) {
        Optional<RunSummary> finished = runs.finishIfComplete(runId);
        finished.ifPresent(summary -> {
            RunProgress p = summary.progress();
            runs.log(
                    runId,
                    p.failed() > 0 ? RunLogLevel.WARN : RunLogLevel.INFO,
                    "Finished: " + p.done() + " of " + p.total() + " items done, " + p.failed() + " failed.");
            events.publishEvent(new RunFinished(runId, summary.run().type(), p.done(), p.failed()));
        });
        return finished.isPresent();
    }

    public void failRun(long runId, String error) {
        runs.failRun(runId, error);
        runs.log(runId, RunLogLevel.ERROR, error);
    }

    public void log(long runId, RunLogLevel level, String message) {
        runs.log(runId, level, message);
    }

    public void renew(Collection<UUID> tokens, Duration lease) {
        claims.renew(tokens, lease);
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
