package org.cailab.training;

import ai.djl.Device;
import java.util.Locale;
import org.cailab.base.CailabProperties;
import org.cailab.model.ModelProperties;
import org.cailab.model.engine.CheckpointStore;
import org.springframework.stereotype.Component;

/** Where training runs keep their checkpoints ({@code <data dir>/training/run-<id>}) and which device they use. */
@Component
class TrainingDirectories {

    private final CailabProperties app;
    private final ModelProperties models;

    TrainingDirectories(CailabProperties app, ModelProperties models) {
        this.app = app;
        this.models = models;
    }

    CheckpointStore checkpoints(long runId) {
        return new CheckpointStore(
                app.dataDir().resolve("training").resolve("run-" + runId).toAbsolutePath());
    }

    /** The device of {@code cailab.models.device}: cpu, gpu or gpu:N. */
    Device device() {
        String s = models.device().strip().toLowerCase(Locale.ROOT);
        if (s.equals("gpu") || s.equals("cuda")) {
            return Device.gpu();
        }
        if (s.startsWith("gpu:")) {
            return Device.gpu(Integer.parseInt(s.substring(4)));
        }
        return Device.cpu();
    }
}
