package org.cailab.model.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Where the time of {@link EngineBenchmark}'s scoring and training rows goes (not a test): runs a row under
 * libtorch's profiler and prints the ops called from Java by total time, then every op by self time, each with input
 * shapes and calls per repetition. Arguments: {@code score} or {@code train}, repetitions (default 5). The benchmark's
 * tiny config and shapes (as {@code torch_eager_baseline.py}); set one intra-op thread as the benchmark does.
 */
public final class EngineProfile {

    private EngineProfile() {}

    public static void main(String[] args) throws Exception {
        String row = args.length > 0 ? args[0] : "score";
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Engine.getEngine("PyTorch");
        LlamaConfig config = EngineBenchmark.tinyConfig();
        try (LlamaModel model = LlamaModel.fromTensors(config, TinyModels.randomTensors(config, 1), Device.cpu());
                CausalLm lm = CausalLm.of(model, null)) {
            Random random = new Random(7);
            Runnable work;
            Trainer trainer = null;
            if (row.equals("score")) {
                List<long[]> prompts = new ArrayList<>();
                List<long[]> continuations = new ArrayList<>();
                for (int b = 0; b < 8; b++) {
                    prompts.add(EngineBenchmark.ids(random, 64, config));
                    continuations.add(EngineBenchmark.ids(random, 64, config));
                }
                work = () -> lm.scoreIds(prompts, continuations, 8);
            } else {
                trainer = new Trainer(
                        model,
                        TrainingConfig.builder()
                                .setTotalSteps(1000)
                                .optLearningRate(1e-4)
                                .optMicroBatchSize(8)
                                .build());
                List<TrainingExample> batch = new ArrayList<>();
                for (int b = 0; b < 8; b++) {
                    batch.add(TrainingExample.allTokens(EngineBenchmark.ids(random, 128, config)));
                }
                Trainer t = trainer;
                work = () -> t.step(batch);
            }
            for (int i = 0; i < 3; i++) {
                work.run();
            }
            long start = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                work.run();
            }
            System.out.printf(
                    "%s: %.2f ms per call without the profiler%n", row, (System.nanoTime() - start) / 1e6 / reps);
            Path trace = Files.createTempFile("engine-profile", ".json");
            System.out.println("Chrome trace (kept with -Dprofile.keepTrace=true): " + trace);
            JniUtils.startProfile(false, true, false);
            for (int i = 0; i < reps; i++) {
                work.run();
            }
            JniUtils.stopProfile(trace.toString());
            summarize(trace, reps);
            if (!Boolean.getBoolean("profile.keepTrace")) {
                Files.deleteIfExists(trace);
            }
            if (trainer != null) {
                trainer.close();
            }
        }
    }

    /**
     * Prints from a Chrome trace the ops called from Java (top level) by total time, then every op by self time (its
     * time less that of the ops it called), each with its input shapes and calls per repetition.
     */
    private static void summarize(Path trace, int reps) throws Exception {
        JsonNode root = Json.MAPPER.readTree(Files.readString(trace));
        JsonNode events = root.isArray() ? root : root.path("traceEvents");
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode e : events) {
            if ("X".equals(e.path("ph").asText()) && e.has("dur")) {
                all.add(e);
            }
        }
        // by start, a parent before the children that start with it
        all.sort((a, b) -> a.path("ts").asDouble() != b.path("ts").asDouble()
                ? Double.compare(a.path("ts").asDouble(), b.path("ts").asDouble())
                : Double.compare(b.path("dur").asDouble(), a.path("dur").asDouble()));
        Map<String, double[]> top = new HashMap<>();
        Map<String, double[]> self = new HashMap<>();
        java.util.ArrayDeque<double[]> stack = new java.util.ArrayDeque<>(); // {end, self index}
        List<double[]> selfTimes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        double total = 0;
        for (JsonNode e : all) {
            double ts = e.path("ts").asDouble();
            double dur = e.path("dur").asDouble();
            String key = e.path("name").asText() + " " + e.path("shape").toString();
            while (!stack.isEmpty() && stack.peek()[0] <= ts) {
                stack.pop();
            }
            if (stack.isEmpty()) {
                double[] s = top.computeIfAbsent(key, k -> new double[2]);
                s[0] += dur;
                s[1]++;
                total += dur;
            } else {
                selfTimes.get((int) stack.peek()[1])[0] -= dur;
            }
            selfTimes.add(new double[] {dur});
            keys.add(key);
            stack.push(new double[] {ts + dur, selfTimes.size() - 1});
        }
        for (int i = 0; i < keys.size(); i++) {
            double[] s = self.computeIfAbsent(keys.get(i), k -> new double[2]);
            s[0] += selfTimes.get(i)[0];
            s[1]++;
        }
        System.out.printf("top-level ops: %.2f ms per call%n", total / 1000 / reps);
        print(top, reps, 40);
        System.out.println("self time:");
        print(self, reps, 40);
    }

    private static void print(Map<String, double[]> times, int reps, int limit) {
        times.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
                .limit(limit)
                .forEach(e -> System.out.printf(
                        "%9.3f ms %6.1f calls  %s%n",
                        e.getValue()[0] / 1000 / reps,
                        e.getValue()[1] / reps,
                        e.getKey().length() > 150 ? e.getKey().substring(0, 150) : e.getKey()));
    }
}
