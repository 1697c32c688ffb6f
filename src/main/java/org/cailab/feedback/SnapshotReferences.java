package org.cailab.feedback;

import java.util.List;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.RunException;
import org.springframework.stereotype.Component;

/** Resolves the model snapshots a run names (by id or name) when it is planned. */
@Component
class SnapshotReferences {

    private final ModelService models;
    private final ModelRegistry registry;

    SnapshotReferences(ModelService models, ModelRegistry registry) {
        this.models = models;
        this.registry = registry;
    }

    /** The snapshot at {@code index} of the run's model list; {@code role} names it in the error. */
    ModelSnapshot resolve(List<String> snapshots, int index, String role) {
        if (snapshots.size() <= index) {
            throw new RunException("Name the " + role + ": its snapshot id or name (model snapshot " + (index + 1)
                    + " under \"Models, sampling and execution\").");
        }
        String ref = snapshots.get(index);
        if (ref.chars().allMatch(Character::isDigit)) {
            return models.snapshot(Long.parseLong(ref))
                    .orElseThrow(() -> new RunException("There is no model snapshot " + ref + "."));
        }
        return registry.findByName(ref)
                .orElseThrow(() -> new RunException("There is no model snapshot named \"" + ref + "\"."));
    }
}
