package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** What a {@link Trainer} optimizes and checkpoints: named parameters and a way to save them as a model directory. */
interface Trainable {

    /** The parameters by name, in a stable order (the optimizer's state is keyed by these names). */
    Map<String, NDArray> parameters();

    /** Writes the model (config and weights) into a directory. */
    void save(Path dir) throws IOException;

    static Trainable of(LlamaModel model) {
        return new Trainable() {
            @Override
            public Map<String, NDArray> parameters() {
                return model.parameters();
            }

            @Override
            public void save(Path dir) throws IOException {
                model.save(dir);
            }
        };
    }
}
