package org.cailab.pipeline;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps the claims of this instance's items alive while they are processed: renews them every third of the lease.
 * When the instance dies the renewals stop, the leases run out and other workers take the items.
 */
@Component
class LeaseKeeper implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final RunLedger ledger;
    private final PipelineProperties properties;
    private final ScheduledExecutorService timer;

    LeaseKeeper(RunLedger ledger, PipelineProperties properties) {
        this.ledger = ledger;
        this.properties = properties;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("cailab-lease-keeper").factory());
        long period = Math.max(100, properties.lease().toMillis() / 3);
        timer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
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
        timer.shutdownNow();
    }
}
