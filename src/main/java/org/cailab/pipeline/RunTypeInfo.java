package org.cailab.pipeline;

import java.util.List;

/**
 * A run type that can be started on this app, as the start form lists it.
 *
 * @param itemsLabel       what its items are, in the plural ({@link RunStage#itemsLabel()})
 * @param parameters       its stage-specific settings ({@link RunStage#parameters()})
 * @param defaultExecution its default workers, attempts and retry delay
 * @param modelRoles       the snapshots it uses, by role ({@link RunStage#modelRoles()})
 * @param usesConstitution whether it uses a constitution version
 */
public record RunTypeInfo(
        String type,
        String label,
        String description,
        boolean needsPromptSet,
        String itemsLabel,
        List<RunParameter> parameters,
        RunConfig.Execution defaultExecution,
        List<String> modelRoles,
        boolean usesConstitution) {

    public RunTypeInfo {
        parameters = List.copyOf(parameters);
        modelRoles = List.copyOf(modelRoles);
    }
}
