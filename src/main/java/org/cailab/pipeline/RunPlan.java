package org.cailab.pipeline;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What {@link RunStage#plan} decides: the configuration to record and the items in processing order. */
public record RunPlan(RunConfig config, List<ItemInput> items) {

    public RunPlan {
        Objects.requireNonNull(config, "config");
        items = List.copyOf(items);
        Set<String> keys = new HashSet<>();
        for (ItemInput item : items) {
            if (!keys.add(item.key())) {
                throw new IllegalArgumentException("Two items have the key '" + item.key() + "'");
            }
        }
    }
}
