package org.cailab.model;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.cailab.base.CailabProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Makes a fresh installation usable without downloads: on first start (no demo snapshots yet) it trains a small
 * model from scratch in the background and registers two snapshots of it, an early and a final one, which really
 * generate text through the engine. Progress is shown on the Models page. The training is recorded as a finished run
 * (through {@link DemoTrainingRecorder}) and both snapshots carry that run and their step, so the dashboards join
 * them in step order.
 */
@Service
public class DemoModels implements ApplicationRunner {

    static final String EARLY = "demo-early";
    static final String FINAL = "demo-final";
    /** The demo training's seed: the same settings give the same demo models. */
    static final long SEED = 1234L;

    private static final Logger log = LoggerFactory.getLogger(DemoModels.class);

    private final ModelRegistry registry;
    private final ModelProperties properties;
    private final Path root;
    private final AtomicReference<DemoModelStatus> status;
    private final ObjectProvider<DemoTrainingRecorder> recorders;

    DemoModels(
            ModelRegistry registry,
            ModelProperties properties,
            CailabProperties app,
            ObjectProvider<DemoTrainingRecorder> recorders) {
        this.registry = registry;
        this.recorders = recorders;
        this.properties = properties;
        this.root = app.dataDir().resolve("models").resolve("demo").toAbsolutePath();
        this.status = new AtomicReference<>(new DemoModelStatus(
                properties.demoEnabled() ? DemoModelStatus.State.WAITING : DemoModelStatus.State.DISABLED,
                0,
                properties.demoSteps(),
                null,
                properties.demoEnabled() ? "Waiting to start" : "Disabled"));
    }

    /** Where the demo training stands. */
    @PreAuthorize("isAuthenticated()")
    public DemoModelStatus status() {
        return status.get();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoEnabled()) {
            return;
        }
        Set<String> existing =
                registry.demoSnapshots().stream().map(ModelSnapshot::name).collect(Collectors.toSet());
        if (existing.containsAll(List.of(EARLY, FINAL))) {
            status.set(new DemoModelStatus(
                    DemoModelStatus.State.DONE,
                    properties.demoSteps(),
                    properties.demoSteps(),
                    null,
                    "Demo models are registered"));
            return;
        }
        Thread.ofPlatform().name("cailab-demo-models").daemon().start(() -> train(existing));
    }

    /** The step of the early snapshot: a third of the training. */
    static int earlyStep(int totalSteps) {
        return Math.max(1, totalSteps / 3);
    }

    private void train(Set<String> existing) {
        int total = properties.demoSteps();
        int early = earlyStep(total);
        String attempt = "run-" + System.currentTimeMillis();
        log.info("Training the demo models ({} steps) in {}", total, root.resolve(attempt));
        long start = System.nanoTime();
        try {
            trainAndRegister(root.resolve(attempt), total, early, existing);
            double seconds = (System.nanoTime() - start) / 1e9;
            DemoModelStatus last = status.get();
            status.set(new DemoModelStatus(
                    DemoModelStatus.State.DONE,
                    total,
                    total,
                    last.loss(),
                    String.format("Demo models ready (trained in %.0f s)", seconds)));
            log.info("Demo models ready in {} s", String.format("%.1f", seconds));
        } catch (IOException | RuntimeException e) {
            log.error("Training the demo models failed", e);
            status.set(new DemoModelStatus(
                    DemoModelStatus.State.FAILED,
                    status.get().step(),
                    total,
                    null,
                    "Training the demo models failed: " + e.getMessage()));
        }
    }

    /**
     * Trains, records the training as a finished run and registers the snapshots that do not exist yet with that
     * run and their steps. The snapshots are registered at the end, once the run exists: a training cut short
     * registers nothing and starts again on the next start.
     */
    List<ModelSnapshot> trainAndRegister(Path dir, int total, int early, Set<String> existing) throws IOException {
        Instant started = Instant.now();
        Map<Integer, Path> checkpoints = new TreeMap<>();
        double[] lastLoss = {Double.NaN};
        DemoModelTrainer.train(dir, total, List.of(early, total), SEED, new DemoModelTrainer.Listener() {
            @Override
            public void step(int step, double loss) {
                lastLoss[0] = loss;
                status.set(new DemoModelStatus(
                        DemoModelStatus.State.RUNNING,
                        step,
                        total,
                        loss,
                        "Training the demo model: step " + step + " of " + total));
                if (step % 100 == 0) {
                    log.info("Demo model step {}/{}, loss {}", step, total, String.format("%.3f", loss));
                }
            }

            @Override
            public void checkpoint(int step, Path checkpoint) {
                checkpoints.put(step, checkpoint);
            }
        });
        List<Integer> steps = List.copyOf(checkpoints.keySet());
        List<String> names =
                steps.stream().map(step -> step == total ? FINAL : EARLY).toList();
        DemoTraining training = new DemoTraining(
                total, names, steps, SEED, DemoModelTrainer.CORPUS_SIZE, started, Instant.now(), lastLoss[0]);
        DemoTrainingRecorder recorder = recorders.getIfAvailable();
        Long runId = recorder == null ? null : recorder.recordFinished(training);
        List<ModelSnapshot> registered = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String name = names.get(i);
            int step = steps.get(i);
            if (!existing.contains(name)) {
                registered.add(registry.registerSystem(new NewSnapshot(
                        name,
                        SnapshotKind.DEMO,
                        checkpoints.get(step).toString(),
                        null,
                        runId,
                        (long) step,
                        description(step, total))));
                log.info("Registered demo snapshot '{}' ({})", name, checkpoints.get(step));
            }
        }
        return registered;
    }

    private static String description(int step, int total) {
        return "Demo model trained from scratch on first start on a templated corpus we wrote (step " + step + " of "
                + total + (step < total ? ", less trained" : "") + "): it imitates the pipeline's formats, it does"
                + " not reason";
    }
}
