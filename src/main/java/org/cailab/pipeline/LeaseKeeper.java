package org.cailab.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Keeps the claims of this instance's items alive while they are processed: renews them every third of the lease.
 * When the instance dies the renewals stop, the leases run out and other workers take the items.
 */
@Component
class LeaseKeeper implements DisposableBean {

    /** The bean name of the renewal timer (one daemon platform thread, {@code cailab-lease-keeper}). */
    static final String TIMER = "pipelineLeaseKeeper";

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final RunLedger ledger;
    private final PipelineProperties properties;
    private final ScheduledFuture<?> renewals;

    LeaseKeeper(RunLedger ledger, PipelineProperties properties, @Qualifier(TIMER) TaskScheduler timer) {
        this.ledger = ledger;
        this.properties = properties;
        Duration period = Duration.ofMillis(Math.max(100, properties.lease().toMillis() / 3));
        this.renewals = timer.scheduleWithFixedDelay(this::renew, Instant.now().plus(period), period);
    }

    void hold(UUID token) {
        held.add(token);
    }

    void release(UUID token) {
        held.remove(token);
    }

    private void renew() {
        if (held.isEmpty()) {
            return;
        }
        try {
            ledger.renew(List.copyOf(held), properties.lease());
        } catch (RuntimeException e) {
            // the next round tries again; if the database stays away the leases expire, which is the safe outcome
            log.warn("Could not renew {} item leases: {}", held.size(), e.getMessage());
        }
    }

    @Override
    public void destroy() {
        renewals.cancel(false);
    }
}
