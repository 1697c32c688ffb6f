package org.cailab.crowdwork;

import java.time.Instant;
import org.cailab.security.ActingAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The shared part of the task types' after-commit listeners that start a turn's generation (asynchronously, on Boot's
 * {@code applicationTaskExecutor}; nothing starts when the transaction rolled back).
 *
 * <p>Safe to run again (the registry resubmits a request left incomplete at the next start): the listener leaves a
 * turn alone that is no longer generating or whose answers are under way already; a request older than the
 * generation timeout is dropped here, as no page still waits for it: the turn stays "generating" until the worker
 * comes back, and then the worker service's {@code open} or {@code watch} start it again, as after any restart.
 */
@Component
public class LiveStarts {

    private static final Logger log = LoggerFactory.getLogger(LiveStarts.class);

    private final CrowdworkProperties settings;

    LiveStarts(CrowdworkProperties settings) {
        this.settings = settings;
    }

    /**
     * Runs {@code start} as {@code worker} (the model service checks that someone is signed in: the worker who asked,
     * as when this ran in their request), unless the request is older than the generation timeout.
     *
     * @param what the generation in the log, e.g. "the answers of comparison turn"
     */
    public void start(String what, long turnId, Instant requestedAt, String worker, Runnable start) {
        if (requestedAt.isBefore(Instant.now().minus(settings.generationTimeout()))) {
            log.info("Not starting {} {}: requested at {}, no page waits any more", what, turnId, requestedAt);
            return;
        }
        ActingAs.worker(worker, start);
    }
}
