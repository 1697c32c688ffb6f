package org.cailab.model;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.cailab.model.engine.DynamicBatcher;
import org.springframework.stereotype.Component;

/**
 * Where local generations spend their time, as Micrometer timers tagged with the request's priority ({@code live} or
 * {@code pipeline}): {@value #QUEUE} (waiting for a slot in the running batch), {@value #PREFILL} (the prompt's forward
 * pass until the first token) and {@value #DECODE} (in the running batch until the last token). Every loaded model's
 * batcher reports here; the actuator's metrics endpoint shows them, and percentiles can be switched on with
 * {@code management.metrics.distribution.percentiles.cailab.generation=0.5,0.95}.
 */
@Component
public class GenerationTimings implements DynamicBatcher.TimingListener {

    public static final String QUEUE = "cailab.generation.queue";
    public static final String PREFILL = "cailab.generation.prefill";
    public static final String DECODE = "cailab.generation.decode";

    private final MeterRegistry registry;

    public GenerationTimings(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void finished(DynamicBatcher.Timings timings) {
        String priority = timings.priority().name().toLowerCase(Locale.ROOT);
        // looked up per request (a map lookup), so that a meter removed from the registry comes back fresh
        timer(QUEUE, "waiting for a slot in the running batch", priority).record(timings.queued());
        timer(PREFILL, "prompt forward pass until the first token", priority).record(timings.prefill());
        timer(DECODE, "in the running batch until the last token", priority).record(timings.decode());
    }

    private Timer timer(String name, String description, String priority) {
        return Timer.builder(name)
                .description(description)
                .tag("priority", priority)
                .register(registry);
    }
}
