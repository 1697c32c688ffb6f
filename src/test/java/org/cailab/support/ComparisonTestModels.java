package org.cailab.support;

import java.util.ArrayList;
import java.util.List;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;

/**
 * Three tiny real models (random weights, see {@link TinyModelFixture}) registered once per database for the
 * comparison tests. Call as an admin: registering a model needs that role.
 */
public final class ComparisonTestModels {

    public static final List<String> NAMES = List.of("cmp-tiny-a", "cmp-tiny-b", "cmp-tiny-c");

    private ComparisonTestModels() {}

    public static synchronized List<ModelSnapshot> ensure(ModelRegistry registry) {
        List<ModelSnapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            String name = NAMES.get(i);
            long seed = 101 + i;
            snapshots.add(registry.findByName(name)
                    .orElseGet(() -> registry.register(NewSnapshot.local(
                            name,
                            SnapshotKind.PRETRAINED,
                            TinyModelFixture.create(name, seed).toString()))));
        }
        return snapshots;
    }

    /**
     * Two tiny real models (see {@link ScriptedModelFixture}) that answer every message with {@code reply}, named
     * {@code prefix-a} and {@code prefix-b}; registered once per database.
     */
    public static synchronized List<ModelSnapshot> scripted(ModelRegistry registry, String prefix, String reply) {
        List<ModelSnapshot> snapshots = new ArrayList<>();
        for (String side : List.of("a", "b")) {
            String name = prefix + "-" + side;
            long seed = 201 + side.charAt(0);
            snapshots.add(registry.findByName(name)
                    .orElseGet(() -> registry.register(NewSnapshot.local(
                            name,
                            SnapshotKind.PRETRAINED,
                            ScriptedModelFixture.create(name, reply, seed).toString()))));
        }
        return snapshots;
    }
}
