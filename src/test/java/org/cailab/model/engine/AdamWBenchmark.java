package org.cailab.model.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flat AdamW step against the per-parameter one ({@code -Dbench.oldForm=true}: the form written out in {@code
 * AdamWTest}, as the engine had it before the moments became flat), on the
 * parameter shapes of a Llama config (default the ~110M one; {@code tiny} for the 1M one), taking turns for a number
 * of rounds; prints milliseconds per step and the ratio. {@code -Dbench.device=gpu} for a GPU.
 */
public final class AdamWBenchmark {

    private AdamWBenchmark() {}

    public static void main(String[] args) {
        boolean tiny = args.length > 0 && args[0].equals("tiny");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        LlamaConfig config = tiny ? EngineBenchmark.tinyConfig() : EngineBenchmark.hundredMConfig();
        Device device = Device.fromName(System.getProperty("bench.device", "cpu"));
        TrainingConfig training = TrainingConfig.builder()
                .setTotalSteps(1000)
                .optWeightDecay(0.01)
                .build();
        try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            Map<String, NDArray> flatParams = upload(manager, TinyModels.randomTensors(config, 1));
            Map<String, NDArray> refParams = upload(manager, TinyModels.randomTensors(config, 1));
            Map<String, NDArray> grads = upload(manager, TinyModels.randomTensors(config, 2));
            Map<String, NDArray[]> moments = new LinkedHashMap<>();
            refParams.forEach((n, p) -> {
                NDArray[] m = {p.zerosLike(), p.zerosLike()};
                NDScope.unregister(m);
                moments.put(n, m);
            });
            long size = flatParams.values().stream().mapToLong(NDArray::size).sum();
            System.out.printf("%d parameters in %d tensors, device %s%n", size, flatParams.size(), device);
            boolean oldForm = Boolean.getBoolean("bench.oldForm");
            try (AdamW adam = new AdamW(flatParams);
                    AdamW perParameter = new AdamW(refParams)) {
                for (int r = 0; r < rounds; r++) {
                    int t = r + 1;
                    long a = System.nanoTime();
                    try (NDScope ignored = new NDScope()) {
                        if (oldForm) {
                            refParams.forEach((n, p) ->
                                    AdamWTest.perParameter(p, grads.get(n), moments.get(n), 0.5f, 1e-4, t, training));
                        } else {
                            perParameter.step(refParams, grads, 0.5f, 1e-4, training, false);
                        }
                        refParams.values().iterator().next().toFloatArray(); // wait for the device
                    }
                    long b = System.nanoTime();
                    try (NDScope ignored = new NDScope()) {
                        adam.step(flatParams, grads, 0.5f, 1e-4, training, true);
                        flatParams.values().iterator().next().toFloatArray();
                    }
                    long c = System.nanoTime();
                    System.out.printf(
                            "round %d: per-parameter %.1f ms, flat %.1f ms, ratio %.2fx%n",
                            t, (b - a) / 1e6, (c - b) / 1e6, (double) (b - a) / (c - b));
                }
            }
        }
    }

    private static Map<String, NDArray> upload(NDManager manager, Map<String, HostTensor> tensors) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        tensors.forEach((n, t) -> out.put(n, manager.create(t.data(), new ai.djl.ndarray.types.Shape(t.shape()))));
        return out;
    }
}
