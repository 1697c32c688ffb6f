package org.cailab.model;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cailab.model.engine.CausalLm;

/**
 * Trains the demo models as on a first start (steps from the first argument, default the app's) into
 * {@code target/demo-benchmark}, prints the wall-clock and CPU time of the training, then what both snapshots write
 * when the pipeline asks (see {@link DemoModelChecks}). Baseline: demo-early, the same training at a third of the
 * steps, measured in the same run. {@code eval DIR...} only runs the checks on trained snapshot directories.
 */
public final class DemoModelBenchmark {

    private DemoModelBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[0].equals("eval")) { // eval DIR...: only the checks, on trained snapshots
            var constitution = DemoCorpus.defaultConstitution();
            for (int i = 1; i < args.length; i++) {
                try (CausalLm lm = CausalLm.load(Path.of(args[i]))) {
                    System.out.println(args[i] + ", " + DemoModelChecks.labels(lm, constitution, 60, 10));
                    System.out.println(args[i] + ", " + DemoModelChecks.chains(lm, constitution, 3));
                }
            }
            return;
        }
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : DemoModelTrainer.DEFAULT_STEPS;
        Path root = Path.of("target", "demo-benchmark", "run-" + System.currentTimeMillis())
                .toAbsolutePath();
        Files.createDirectories(root);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long wall = System.nanoTime();
        long cpu = os.getProcessCpuTime();
        int early = DemoModels.earlyStep(steps);
        DemoModelTrainer.train(root, steps, List.of(early, steps), DemoModels.SEED, new DemoModelTrainer.Listener() {
            @Override
            public void step(int step, double loss) {
                if (step % 25 == 0) {
                    System.out.printf(
                            "step %d/%d loss %.3f, %.0f s%n", step, steps, loss, (System.nanoTime() - wall) / 1e9);
                }
            }

            @Override
            public void checkpoint(int step, Path dir) {}
        });
        System.out.printf(
                "demo training: %d steps in %.0f s wall, %.0f s process CPU, load average %.1f%n",
                steps,
                (System.nanoTime() - wall) / 1e9,
                (os.getProcessCpuTime() - cpu) / 1e9,
                os.getSystemLoadAverage());
        var constitution = DemoCorpus.defaultConstitution();
        for (int step : List.of(early, steps)) {
            try (CausalLm lm = CausalLm.load(root.resolve("step-" + step))) {
                String name = step == steps ? "demo-final" : "demo-early";
                System.out.println(name + " (step " + step + "), " + DemoModelChecks.labels(lm, constitution, 60, 10));
                System.out.println(name + " (step " + step + "), " + DemoModelChecks.chains(lm, constitution, 3));
            }
        }
    }
}
