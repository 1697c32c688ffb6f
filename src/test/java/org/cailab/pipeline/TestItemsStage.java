package org.cailab.pipeline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A run type for tests only (it is on the test classpath, so every test app has it): {@code items} numbered items
 * whose output is computed from the number, optionally slow ({@code delayMs}), failing for good on some keys
 * ({@code failAlways=item-002,item-005}) or failing the first attempts of some ({@code failTimes=item-003:2}).
 * It counts every call per run and item so tests can prove that nothing was processed twice.
 */
@Component
class TestItemsStage implements RunStage {

    static final String TYPE = "test-items";
    private static final Logger log = LoggerFactory.getLogger(TestItemsStage.class);
    private static final Map<Long, Map<String, AtomicInteger>> CALLS = new ConcurrentHashMap<>();

    /** A config for {@code items} items with no retry delay. */
    static RunConfig config(String name, int items) {
        return RunConfig.of(TYPE, name)
                .withParameter("items", String.valueOf(items))
                .withExecution(new RunConfig.Execution(1, 3, 0));
    }

    /** How often each item of a run was processed in this JVM. */
    static Map<String, Integer> calls(long runId) {
        Map<String, Integer> counts = new HashMap<>();
        CALLS.getOrDefault(runId, Map.of()).forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }

    static String key(int n) {
        return "item-%03d".formatted(n);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label() {
        return "Test items (tests only)";
    }

    @Override
    public List<RunParameter> parameters() {
        return List.of(
                RunParameter.integer("items", "Items", 10, 0, 10_000, "How many items to plan"),
                RunParameter.integer("delayMs", "Delay per item (ms)", 0, 0, 600_000, "How long each item takes"));
    }

    @Override
    public RunPlan plan(RunConfig config) {
        int items = Integer.parseInt(config.parameter("items", "10"));
        List<ItemInput> inputs = IntStream.range(0, items)
                .mapToObj(n -> ItemInput.of(key(n), Map.of("n", n)))
                .toList();
        return new RunPlan(config, inputs);
    }

    @Override
    public ItemResult process(RunContext context, ItemInput item) throws Exception {
        CALLS.computeIfAbsent(context.runId(), id -> new ConcurrentHashMap<>())
                .computeIfAbsent(item.key(), k -> new AtomicInteger())
                .incrementAndGet();
        log.info(
                "test-items processing run {} {} on {} attempt {}",
                context.runId(),
                item.key(),
                context.worker(),
                context.attempt());
        long delay = Long.parseLong(context.config().parameter("delayMs", "0"));
        if (delay > 0) {
            Thread.sleep(delay);
        }
        if (keys(context.config().parameter("failAlways", "")).contains(item.key())) {
            throw new IllegalStateException("planned failure of " + item.key());
        }
        for (String rule : keys(context.config().parameter("failTimes", ""))) {
            String[] parts = rule.split(":");
            if (parts[0].equals(item.key()) && context.attempt() <= Integer.parseInt(parts[1])) {
                throw new IllegalStateException(
                        "planned transient failure of " + item.key() + " on attempt " + context.attempt());
            }
        }
        int n = item.data().get("n").asInt();
        return ItemResult.of(Map.of("n", n, "square", (long) n * n));
    }

    private static Set<String> keys(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
