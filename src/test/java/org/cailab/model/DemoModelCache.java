package org.cailab.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * The demo models as the app trains them on first start (same corpus, steps and seed), trained once per build and
 * kept under {@code target/demo-model-cache}: tests that need the real demo models reuse them instead of training
 * again. The directory's name is a hash of everything that shapes the models, so a changed corpus or trainer
 * trains anew.
 */
public final class DemoModelCache {

    static final int STEPS = DemoModelTrainer.DEFAULT_STEPS;
    static final long SEED = DemoModels.SEED;
    private static Path trained;
    private static List<Double> losses;

    private DemoModelCache() {}

    /** The directory of the final demo snapshot. */
    public static synchronized Path finalModel() throws IOException {
        return root().resolve("step-" + STEPS);
    }

    /** The directory of the early demo snapshot. */
    public static synchronized Path earlyModel() throws IOException {
        return root().resolve("step-" + DemoModels.earlyStep(STEPS));
    }

    /** The training loss of every step. */
    static synchronized List<Double> losses() throws IOException {
        root();
        return losses;
    }

    private static Path root() throws IOException {
        if (trained == null) {
            Path root = Path.of("target", "demo-model-cache", key()).toAbsolutePath();
            Path done = root.resolve("done");
            if (!Files.exists(done)) {
                long start = System.nanoTime();
                StringBuilder lossLines = new StringBuilder();
                DemoModelTrainer.train(
                        root,
                        STEPS,
                        List.of(DemoModels.earlyStep(STEPS), STEPS),
                        SEED,
                        new DemoModelTrainer.Listener() {
                            @Override
                            public void step(int step, double loss) {
                                lossLines.append(loss).append('\n');
                                if (step % 50 == 0) {
                                    System.out.printf("demo model step %d/%d loss %.3f%n", step, STEPS, loss);
                                }
                            }

                            @Override
                            public void checkpoint(int step, Path dir) {}
                        });
                System.out.printf(
                        "demo models trained in %.0f s (%d steps)%n", (System.nanoTime() - start) / 1e9, STEPS);
                Files.writeString(root.resolve("losses.txt"), lossLines);
                Files.writeString(done, "ok");
            }
            losses = Files.readAllLines(root.resolve("losses.txt")).stream()
                    .map(Double::parseDouble)
                    .toList();
            trained = root;
        }
        return trained;
    }

    private static String key() {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update((STEPS + "/" + SEED + "/" + DemoModelTrainer.config(DemoModelTrainer.VOCAB_SIZE))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (DemoCorpus.Document document : DemoCorpus.documents(200, SEED)) {
                digest.update(document.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            for (Path source : List.of(
                    Path.of("src/main/java/org/cailab/model/DemoModelTrainer.java"),
                    Path.of("src/main/java/org/cailab/model/DemoCorpus.java"))) {
                if (Files.exists(source)) {
                    digest.update(Files.readAllBytes(source));
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
