package org.cailab.crowdwork;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.cailab.model.ModelService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Live generation to a worker's page: a person waits, so requests go at live priority and count against the
 * worker's cap of requests in flight; the answers stream to the page at {@code cailab.crowdwork.stream-interval},
 * fail after {@code generation-timeout} and are at most {@code max-new-tokens} long. Each task type opens one
 * {@link LiveChannel} (its own turns, its own store) at start.
 *
 * <p>The streaming threads are this bean's own scheduler rather than a {@code TaskScheduler} bean: declaring a
 * scheduler bean would make Boot's auto-configured one (used by {@code @Scheduled}) back off.
 */
@Component
public class LiveGeneration implements DisposableBean {

    private final ModelService models;
    private final CrowdworkProperties properties;
    private final ScheduledExecutorService streaming;

    public LiveGeneration(ModelService models, CrowdworkProperties properties) {
        this.models = models;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        // the two former per-feature pools had 2 + 1 threads; they deliver text and store finished turns
        this.streaming = Executors.newScheduledThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "crowdwork-stream-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A channel for one task type's turns (turn ids are the task type's own, so each type needs its own channel).
     *
     * @param name  the task type in logs and in the per-user key of live requests, for example "comparison"
     * @param shown what a page sees of an answer while it streams (identity for the raw text)
     */
    public LiveChannel channel(String name, UnaryOperator<String> shown) {
        return new LiveChannel(name, shown, models, properties, streaming);
    }

    @Override
    public void destroy() {
        streaming.shutdownNow();
    }
}
