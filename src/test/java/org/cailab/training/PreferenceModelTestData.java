package org.cailab.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.model.engine.PreferenceModel;
import org.cailab.slcai.SlCaiTestData;

/** Real preference-model snapshots for tests, built from the tiny base model. */
public final class PreferenceModelTestData {

    private PreferenceModelTestData() {}

    /** A PM initialised from the base (random head, seed 11), saved with the base's tokenizer, registered. */
    public static ModelSnapshot preferenceModel(ModelRegistry registry, ModelSnapshot base, String name) {
        return SlCaiTestData.asAdmin(() -> {
            try {
                Path dir = Files.createTempDirectory(name);
                Path baseDir = Path.of(base.location());
                try (PreferenceModel model = PreferenceModel.initialize(baseDir, ai.djl.Device.cpu(), 11)) {
                    model.save(dir);
                }
                try (Stream<Path> files = Files.list(baseDir)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().startsWith("tokenizer"))
                            .toList()) {
                        Files.copy(f, dir.resolve(f.getFileName()));
                    }
                }
                return registry.register(NewSnapshot.local(
                        name + "-" + System.nanoTime(), SnapshotKind.PREFERENCE_MODEL, dir.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
