package org.cailab.support;

import java.util.UUID;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;

/**
 * Tiny real models (random weights, see {@link TinyModelFixture}) for red-team tests. Each call registers a new
 * snapshot, so that a test's aggregates hold only its own attempts although all tests share one database. Call as
 * an admin: registering a model needs that role.
 */
public final class RedTeamTestModels {

    private RedTeamTestModels() {}

    public static ModelSnapshot fresh(ModelRegistry registry, String prefix) {
        return fresh(registry, prefix, null, null);
    }

    /** A new snapshot that a run produced at a training step. */
    public static ModelSnapshot fresh(ModelRegistry registry, String prefix, Long runId, Long step) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return registry.register(new NewSnapshot(
                name,
                SnapshotKind.RL_CAI,
                TinyModelFixture.create(name, name.hashCode()).toString(),
                null,
                runId,
                step,
                ""));
    }
}
