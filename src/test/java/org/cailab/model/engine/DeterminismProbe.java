package org.cailab.model.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Probe for decision 0150 (not a test): trains the same tiny model with the same data alone and then with N copies
 * at once in this JVM, and prints a digest of each result. Run: {@code java -cp ... DeterminismProbe REPEATS
 * STEPS TOGETHER}.
 */
public final class DeterminismProbe {

    public static void main(String[] args) throws Exception {
        int repeats = Integer.parseInt(args[0]);
        int steps = Integer.parseInt(args[1]);
        int together = Integer.parseInt(args[2]);
        boolean churn = args.length > 3 && Boolean.parseBoolean(args[3]);
        Engine.getEngine("PyTorch");
        if (churn) {
            // what a busy app process does between a forward pass and its backward: GCs that free direct buffers,
            // and new small native allocations that reuse the freed memory
            Thread churner = new Thread(() -> {
                while (true) {
                    List<ByteBuffer> junk = new ArrayList<>();
                    for (int i = 0; i < 2000; i++) {
                        junk.add(ByteBuffer.allocateDirect(4).putFloat(0, 7f));
                    }
                    junk.clear();
                    System.gc();
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            churner.setDaemon(true);
            churner.start();
        }
        JniUtils.setNumThreads(1);
        Map<String, Integer> tally = new LinkedHashMap<>();
        String reference = null;
        for (int r = 0; r < repeats; r++) {
            ExecutorService pool = Executors.newFixedThreadPool(together);
            try {
                String alone = pool.submit(() -> digest(train(steps))).get();
                List<Future<String>> runs = new ArrayList<>();
                for (int i = 0; i < together; i++) {
                    runs.add(pool.submit(() -> digest(train(steps))));
                }
                StringBuilder line = new StringBuilder("repeat " + r + ": alone " + alone + " together");
                for (Future<String> f : runs) {
                    String d = f.get();
                    line.append(' ').append(d);
                    tally.merge("together " + d, 1, Integer::sum);
                }
                tally.merge("alone " + alone, 1, Integer::sum);
                if (reference == null) {
                    reference = alone;
                }
                System.out.println(line);
            } finally {
                pool.shutdownNow();
            }
        }
        System.out.println("tally " + tally);
    }

    private static Map<String, float[]> train(int steps) {
        JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        return GarbageCollectionDuringTrainingTest.train(TestModels.llamaGqa(), steps);
    }

    private static String digest(Map<String, float[]> weights) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (float[] values : weights.values()) {
            ByteBuffer b = ByteBuffer.allocate(values.length * 4);
            b.asFloatBuffer().put(values);
            sha.update(b.array());
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 10);
    }
}
