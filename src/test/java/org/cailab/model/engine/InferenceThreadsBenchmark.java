package org.cailab.model.engine;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark, not a test: generation with 1 intra-op thread against N (default: the available processors), for models
 * of growing width, so that one sees from which size a batcher's extra threads pay for their synchronisation. Prints
 * wall tokens/s and tokens per CPU-second of the whole process (the OpenMP workers included), batch 1 and batch 8,
 * the thread counts alternating over {@code rounds} (best per count). Arguments: rounds (default 2), then the hidden
 * sizes (default 128 256 512 768; 4 layers, heads of 64 or d/4 below 256, vocabulary 1024).
 */
public final class InferenceThreadsBenchmark {

    private static final int PROMPT = 16;
    private static final int NEW_TOKENS = 48;

    private InferenceThreadsBenchmark() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        List<Integer> widths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            widths.add(Integer.parseInt(args[i]));
        }
        if (widths.isEmpty()) {
            widths = List.of(128, 256, 512, 768);
        }
        int many = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                "cores %d; threads 1 against %d; %d-token prompts, %d new tokens; best of %d rounds%n",
                many, many, PROMPT, NEW_TOKENS, rounds);
        for (int d : widths) {
            int heads = d < 256 ? 4 : d / 64;
            LlamaConfig config = LlamaConfig.builder()
                    .setVocabSize(1024)
                    .setHiddenSize(d)
                    .setIntermediateSize(d * 8 / 3)
                    .setNumLayers(4)
                    .setNumHeads(heads)
                    .optNumKvHeads(heads)
                    .build();
            try (LlamaModel model = LlamaModel.fromTensors(config, TinyModels.randomTensors(config, 1), Device.cpu());
                    CausalLm lm = CausalLm.of(model, null)) {
                for (int batch : new int[] {1, 8}) {
                    List<GenerationRequest> requests = requests(config, batch);
                    double[][] best = new double[2][2]; // [one, many][wall, cpu]
                    for (int round = 0; round < rounds; round++) {
                        for (int k = 0; k < 2; k++) {
                            JniUtils.setNumThreads(k == 0 ? 1 : many);
                            lm.generate(requests); // warm-up at this count
                            double[] rate = measure(lm, requests);
                            best[k][0] = Math.max(best[k][0], rate[0]);
                            best[k][1] = Math.max(best[k][1], rate[1]);
                        }
                    }
                    System.out.printf(
                            "d=%4d (%5.1fM params) batch %d: 1 thread %7.0f tokens/s (%7.0f per CPU-s); %d threads"
                                    + " %7.0f tokens/s (%7.0f per CPU-s); wall ratio %d/1 %.2fx, CPU efficiency %.2fx%n",
                            d,
                            config.parameterCount() / 1e6,
                            batch,
                            best[0][0],
                            best[0][1],
                            many,
                            best[1][0],
                            best[1][1],
                            many,
                            best[1][0] / best[0][0],
                            best[1][1] / best[0][1]);
                }
            }
        }
        JniUtils.setNumThreads(many);
    }

    private static List<GenerationRequest> requests(LlamaConfig config, int batch) {
        Random random = new Random(7);
        GenerationOptions options = GenerationOptions.builder()
                .optMaxNewTokens(NEW_TOKENS)
                .optSeed(1L)
                .optStopSequences(List.of())
                .optStopAtEos(false)
                .build();
        List<GenerationRequest> requests = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            long[] ids = new long[PROMPT];
            for (int i = 0; i < PROMPT; i++) {
                ids[i] = random.nextInt(config.vocabSize());
            }
            requests.add(GenerationRequest.ofIds(ids, options.withSeed((long) b)));
        }
        return requests;
    }

    /** {wall tokens/s, tokens per CPU-second of the process} of one generation of the requests. */
    private static double[] measure(CausalLm lm, List<GenerationRequest> requests) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        int tokens = lm.generate(requests).stream()
                .mapToInt(g -> g.tokenIds().length)
                .sum();
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        return new double[] {tokens / wall, tokens / cpu};
    }
}
