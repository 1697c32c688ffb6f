package org.cailab.pipeline;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How far a run is. The rate is items finished per minute over the recent window (while running) or over the
 * whole run (once it ended); the ETA extrapolates it to the remaining items and is null when it cannot be told.
 */
public record RunProgress(
        int total,
        int done,
        int failed,
        int running,
        double itemsPerMinute,
        @Nullable Duration eta) {

    /** How long the rate looks back while a run is going. */
    public static final Duration RATE_WINDOW = Duration.ofMinutes(5);

    /** Items that are done or failed. */
    public int finished() {
        return done + failed;
    }

    public int remaining() {
        return total - finished();
    }

    /** Finished share of the items, 0 to 1 (1 for a run without items). */
    public double fraction() {
        return total == 0 ? 1.0 : (double) finished() / total;
    }

    /**
     * Progress from item counts.
     *
     * @param finishedRecently items finished within {@code window} before now
     * @param window           the time over which {@code finishedRecently} was counted, at most {@link #RATE_WINDOW}
     *                         (shorter when the run started more recently); for an ended run its whole duration
     * @param ended            whether the run is over: the rate is then over the whole run and there is no ETA
     */
    static RunProgress of(
            int total, int done, int failed, int running, int finishedRecently, Duration window, boolean ended) {
        int finished = done + failed;
        double minutes = window.toMillis() / 60_000.0;
        // a running run needs a second of history for a meaningful rate; an ended one has its exact duration
        double rate = ended
                ? (window.isZero() ? 0 : finished / minutes)
                : minutes < 1.0 / 60 ? 0 : finishedRecently / minutes;
        Duration eta = null;
        int remaining = total - finished;
        if (!ended && rate > 0) {
            eta = Duration.ofSeconds(Math.round(remaining / rate * 60));
        }
        return new RunProgress(total, done, failed, running, rate, eta);
    }
}
