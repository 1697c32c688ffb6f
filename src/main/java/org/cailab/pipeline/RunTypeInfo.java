package org.cailab.pipeline;

import java.util.List;

/**
 * A run type that can be started on this app, as the start form lists it.
 *
 * @param inputs           what it reads from other modules ({@link RunStage#inputs()})
 * @param itemsLabel       what its items are, in the plural ({@link RunStage#itemsLabel()})
 * @param parameters       its stage-specific settings ({@link RunStage#parameters()})
 * @param defaultExecution its default workers, attempts and retry delay
 */
public record RunTypeInfo(
        String type,
        String label,
        String description,
        List<RunInput> inputs,
        String itemsLabel,
        List<RunParameter> parameters,
        RunConfig.Execution defaultExecution) {

    public RunTypeInfo {
        inputs = List.copyOf(inputs);
        parameters = List.copyOf(parameters);
    }

    /** Whether the type reads {@code input} (a prompt set, a constitution version). */
    public boolean reads(RunInput input) {
        return inputs.contains(input);
    }

    /** The roles of its snapshot inputs, in the order of {@link RunConfig#modelSnapshots()}. */
    public List<String> modelRoles() {
        return inputs.stream()
                .filter(RunInput.Snapshot.class::isInstance)
                .map(i -> ((RunInput.Snapshot) i).role())
                .toList();
    }
}
