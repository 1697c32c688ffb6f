package org.cailab.model.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@code torch_eager_baseline.py} with the benchmark's shapes on {@code cpu} or {@code cuda}; null (with a note)
 * when Python or torch is absent.
 */
final class TorchBaseline {

    private TorchBaseline() {}

    @SuppressWarnings("unchecked")
    static @Nullable Map<String, Object> run(LlamaConfig config, EngineBenchmark.Sizes s, int threads, String device) {
        Path python = Path.of(System.getProperty("bench.python", "/usr/bin/python3"));
        if (!Files.isExecutable(python)) {
            System.out.printf("no PyTorch eager baseline: %s not found%n", python);
            return null;
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("threads", threads);
        args.put("device", device);
        args.put(
                "config",
                Map.of(
                        "vocab",
                        config.vocabSize(),
                        "hidden",
                        config.hiddenSize(),
                        "ffn",
                        config.intermediateSize(),
                        "layers",
                        config.numLayers(),
                        "heads",
                        config.numHeads(),
                        "kvHeads",
                        config.numKvHeads(),
                        "tied",
                        config.tieWordEmbeddings(),
                        "theta",
                        config.ropeTheta(),
                        "eps",
                        config.rmsNormEps()));
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("prompt", s.prompt());
        sizes.put("newTokens", s.newTokens());
        sizes.put("scorePrompt", s.scorePrompt());
        sizes.put("scoreContinuation", s.scoreContinuation());
        sizes.put("trainLength", s.trainLength());
        sizes.put("batch", s.batch());
        sizes.put("trainSteps", s.trainSteps());
        sizes.put("reps", s.reps());
        args.put("sizes", sizes);
        try {
            Path script = Files.createTempFile("torch_eager_baseline", ".py");
            try (InputStream in = TorchBaseline.class.getResourceAsStream("torch_eager_baseline.py")) {
                Files.write(script, in.readAllBytes());
            }
            ProcessBuilder builder = new ProcessBuilder(
                            python.toString(), script.toString(), Json.MAPPER.writeValueAsString(args))
                    .redirectErrorStream(true);
            // the BLAS library (OpenBLAS, Debian's torch) and OpenMP keep their own thread pools: same count as ours
            for (String pool : new String[] {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"}) {
                builder.environment().put(pool, String.valueOf(threads));
            }
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.MINUTES);
            Files.deleteIfExists(script);
            String last = output.strip().lines().reduce((a, b) -> b).orElse("");
            if (process.exitValue() != 0 || !last.startsWith("{")) {
                System.out.printf(
                        "no PyTorch eager baseline (is torch installed? apt-get install python3-torch):%n%s%n",
                        output.strip());
                return null;
            }
            return Json.MAPPER.readValue(last, Map.class);
        } catch (IOException e) {
            System.out.printf("no PyTorch eager baseline: %s%n", e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
