package org.cailab.pipeline;

import java.time.Duration;
import java.util.function.Predicate;

/** Waits for runs in tests (the caller's security context must allow reading runs). */
final class RunAwait {

    private RunAwait() {}

    static RunSummary until(RunService runs, RunId runId, Predicate<RunSummary> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RunSummary last = null;
        while (System.nanoTime() < deadline) {
            last = runs.find(runId).orElseThrow();
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("run " + runId + " did not get there within " + timeout + "; last seen: " + last);
    }

    static RunSummary state(RunService runs, RunId runId, RunState state) {
        return until(runs, runId, s -> s.run().state() == state, Duration.ofSeconds(30));
    }
}
