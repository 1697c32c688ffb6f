package org.cailab.rl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.DType;
import org.cailab.model.engine.FinishReason;
import org.cailab.model.engine.Generation;
import org.cailab.model.engine.GenerationOptions;
import org.cailab.model.engine.GenerationRequest;
import org.cailab.model.engine.HostTensor;
import org.cailab.model.engine.LlamaConfig;
import org.cailab.model.engine.LlamaModel;
import org.cailab.model.engine.LrSchedule;
import org.cailab.model.engine.ParameterOptimizer;
import org.cailab.model.engine.SafetensorsReader;
import org.cailab.model.engine.SafetensorsWriter;
import org.cailab.model.engine.TorchMemory;
import org.cailab.model.engine.TrainingConfig;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * RL fine-tuning of a policy against a reward model with a KL penalty to a frozen reference: PPO (value head on the
 * policy's last hidden state, GAE, clipped policy and value losses, several epochs over minibatches) or RLOO. Each
 * {@link #step} samples responses to its prompts through the engine's batched generation, scores them, recomputes
 * the sampled tokens' log-probabilities under policy and reference, and updates the policy.
 *
 * <p>Every random choice is derived from the seed and the step (sampling seeds per response, minibatch order per
 * epoch), so a run resumed from {@link #saveCheckpoint} repeats exactly what the uninterrupted run would have done.
 *
 * <p>Not thread-safe. Owns the policy, the reference and the optimizer; close it.
 */
public final class RlTrainer implements AutoCloseable {

    static final String STATE_FILE = "rl_state.json";
    static final String VALUE_HEAD_FILE = "value_head.safetensors";
    static final String OPTIMIZER_FILE = "optimizer.safetensors";
    private static final String VALUE_WEIGHT = "v_head.weight";
    private static final String VALUE_BIAS = "v_head.bias";
    private static final List<String> TOKENIZER_FILES =
            List.of("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "generation_config.json");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final CausalLm policy;
    private final LlamaModel reference;
    private final RewardModel reward;
    private final RlSettings settings;
    private final Path tokenizerDir;
    private final Map<String, NDArray> valueHead = new LinkedHashMap<>();
    private final ParameterOptimizer optimizer;
    private final KlController kl;
    private final long padId;
    private int step;
    private long promptsSeen;
    private List<Rollout> lastRollouts = List.of();

    private RlTrainer(
            CausalLm policy,
            LlamaModel reference,
            RewardModel reward,
            RlSettings settings,
            Path tokenizerDir,
            Map<String, HostTensor> valueHeadTensors) {
        this.policy = policy;
        this.reference = reference;
        this.reward = reward;
        this.settings = settings;
        this.tokenizerDir = tokenizerDir;
        LlamaConfig config = policy.model().config();
        if (config.vocabSize() != reference.config().vocabSize()) {
            throw new IllegalArgumentException("policy and reference vocabularies differ: " + config.vocabSize()
                    + " vs " + reference.config().vocabSize());
        }
        this.padId = config.eosTokenIds().isEmpty() ? 0 : config.eosTokenIds().getFirst();
        Map<String, NDArray> trained = new LinkedHashMap<>(policy.model().parameters());
        if (settings.algorithm() == RlAlgorithm.PPO) {
            NDManager m = policy.model().manager();
            valueHeadTensors.forEach((name, t) -> {
                NDArray a = TorchMemory.owned(m.create(t.data(), new Shape(t.shape())));
                NDScope.unregister(a);
                valueHead.put(name, a);
            });
            trained.putAll(valueHead);
        }
        this.optimizer = new ParameterOptimizer(
                trained,
                TrainingConfig.builder()
                        .setTotalSteps(Integer.MAX_VALUE)
                        .optSchedule(LrSchedule.CONSTANT)
                        .optLearningRate(settings.optimizer().learningRate())
                        .optWarmupSteps(settings.optimizer().warmupSteps())
                        .optMaxGradNorm(settings.optimizer().maxGradNorm())
                        .optMicroBatchSize(settings.optimizer().microBatchSize())
                        .build());
        this.kl = new KlController(
                settings.kl().coefficient(),
                settings.kl().target(),
                settings.kl().horizon());
    }

    /**
     * Starts from a snapshot: the policy is loaded from {@code policyDir}, the reference from {@code referenceDir}
     * (usually the same directory), the value head starts at zero.
     */
    public static RlTrainer start(
            Path policyDir, Path referenceDir, RewardModel reward, RlSettings settings, Device device) {
        return open(policyDir, referenceDir, reward, settings, device, null);
    }

    /** Continues from a directory written by {@link #saveCheckpoint}; the reference is the run's original one. */
    public static RlTrainer resume(
            Path checkpointDir, Path referenceDir, RewardModel reward, RlSettings settings, Device device) {
        return open(checkpointDir, referenceDir, reward, settings, device, checkpointDir);
    }

    private static RlTrainer open(
            Path policyDir,
            Path referenceDir,
            RewardModel reward,
            RlSettings settings,
            Device device,
            @Nullable Path checkpoint) {
        CausalLm policy = CausalLm.load(policyDir, device);
        @Nullable LlamaModel reference = null;
        @Nullable RlTrainer trainer = null;
        try {
            reference = LlamaModel.load(referenceDir, device);
            int hidden = policy.model().config().hiddenSize();
            Map<String, HostTensor> head = new LinkedHashMap<>();
            head.put(VALUE_WEIGHT, HostTensor.of(new float[hidden], 1, hidden));
            head.put(VALUE_BIAS, HostTensor.of(new float[1], 1));
            if (checkpoint != null && settings.algorithm() == RlAlgorithm.PPO) {
                try (SafetensorsReader reader = SafetensorsReader.open(checkpoint.resolve(VALUE_HEAD_FILE))) {
                    head.replaceAll((name, t) -> reader.read(name));
                }
            }
            trainer = new RlTrainer(policy, reference, reward, settings, policyDir, head);
            if (checkpoint != null) {
                trainer.restoreState(checkpoint);
            }
            return trainer;
        } catch (RuntimeException e) {
            if (trainer != null) {
                trainer.close();
            } else {
                policy.close();
                if (reference != null) {
                    reference.close();
                }
            }
            throw e;
        }
    }

    private void restoreState(Path dir) {
        Path file = dir.resolve(STATE_FILE);
        try {
            JsonNode state = JSON.readTree(Files.readString(file));
            step = state.path("step").asInt();
            promptsSeen = state.path("prompts_seen").asLong();
            kl.restore(state.path("kl_coefficient").asDouble());
            optimizer.restore(
                    dir.resolve(OPTIMIZER_FILE),
                    state.path("optimizer_steps").asInt(),
                    state.path("optimizer_updates").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** RL steps done. */
    public int step() {
        return step;
    }

    /** Prompts trained on so far. */
    public long promptsSeen() {
        return promptsSeen;
    }

    public RlSettings settings() {
        return settings;
    }

    public LlamaModel policyModel() {
        return policy.model();
    }

    /** The current KL coefficient. */
    public double klCoefficient() {
        return kl.value();
    }

    /** The rollouts of the last step (for sample responses). */
    public List<Rollout> lastRollouts() {
        return lastRollouts;
    }

    /** One RL step on {@code promptsPerStep} prompts (formatted as the policy should see them). */
    public RlStepStats step(List<String> prompts) {
        if (prompts.size() != settings.rollout().promptsPerStep()) {
            throw new IllegalArgumentException("step " + step + ": got " + prompts.size() + " prompts, the settings ask"
                    + " for " + settings.rollout().promptsPerStep());
        }
        long t0 = System.nanoTime();
        List<Rollout> rollouts = rollout(prompts);
        double beta = kl.value();
        List<float[]> advantages = new ArrayList<>();
        List<float[]> returns = new ArrayList<>();
        computeAdvantages(rollouts, beta, advantages, returns);
        long t1 = System.nanoTime();
        UpdateStats update = update(rollouts, advantages, returns);
        long t2 = System.nanoTime();
        double meanKl = rollouts.stream().mapToDouble(Rollout::kl).average().orElse(0);
        kl.update(meanKl, rollouts.size());
        step++;
        promptsSeen += prompts.size();
        lastRollouts = List.copyOf(rollouts);
        return new RlStepStats(
                step,
                promptsSeen,
                rollouts.stream().mapToDouble(Rollout::score).average().orElse(0),
                meanKl,
                beta,
                rollouts.stream().mapToDouble(Rollout::entropy).average().orElse(0),
                rollouts.stream()
                        .mapToInt(r -> r.responseIds().length)
                        .average()
                        .orElse(0),
                update.clipFraction(),
                update.policyLoss(),
                update.valueLoss(),
                (t1 - t0) / 1e9,
                (t2 - t1) / 1e9);
    }

    private List<Rollout> rollout(List<String> prompts) {
        int k = settings.rollout().samplesPerPrompt();
        GenerationOptions options = GenerationOptions.builder()
                .optMaxNewTokens(settings.rollout().maxNewTokens())
                .optTemperature(settings.rollout().temperature())
                .build();
        List<GenerationRequest> requests = new ArrayList<>();
        List<long[]> promptIds = new ArrayList<>();
        List<String> expanded = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            long[] ids = encodePrompt(prompts.get(i));
            for (int j = 0; j < k; j++) {
                long seed = derive(settings.seed(), step, (long) i * k + j);
                requests.add(GenerationRequest.ofIds(ids, options.withSeed(seed)));
                promptIds.add(ids);
                expanded.add(prompts.get(i));
            }
        }
        List<Generation> generations = policy.generate(requests);
        List<String> texts = generations.stream().map(Generation::text).toList();
        double[] scores = reward.score(expanded, texts);
        if (scores.length != texts.size()) {
            throw new IllegalStateException(
                    "the reward model returned " + scores.length + " scores for " + texts.size() + " responses");
        }
        List<Rollout> partial = new ArrayList<>();
        for (int i = 0; i < generations.size(); i++) {
            // a prompt longer than the context was cut from the left for sampling: recompute on what was sampled on
            long[] used = promptIds.get(i);
            int dropped = generations.get(i).promptTokensDropped();
            if (dropped > 0) {
                used = java.util.Arrays.copyOfRange(used, dropped, used.length);
            }
            partial.add(new Rollout(
                    expanded.get(i),
                    used,
                    texts.get(i),
                    responseIds(generations.get(i)),
                    new float[0],
                    new float[0],
                    new float[0],
                    0,
                    scores[i]));
        }
        return withLogProbs(partial);
    }

    private long[] encodePrompt(String prompt) {
        long[] ids = policy.tokenizer().encode(prompt, true);
        if (ids.length == 0) {
            LlamaConfig c = policy.model().config();
            return new long[] {c.bosTokenId() != null ? c.bosTokenId() : padId};
        }
        return ids;
    }

    /** The sampled tokens as actions: an end-of-sequence the model chose is one, an empty response becomes EOS. */
    private long[] responseIds(Generation g) {
        long[] ids = g.tokenIds();
        if (g.finishReason() == FinishReason.END_OF_SEQUENCE || ids.length == 0) {
            long[] withEos = java.util.Arrays.copyOf(ids, ids.length + 1);
            withEos[ids.length] = padId;
            return withEos;
        }
        return ids;
    }

    /** Recomputes log-probabilities (policy and reference), entropy and values without gradients. */
    private List<Rollout> withLogProbs(List<Rollout> rows) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return withLogProbsNoGrad(rows);
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    private List<Rollout> withLogProbsNoGrad(List<Rollout> rows) {
        List<Rollout> out = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += settings.optimizer().microBatchSize()) {
            List<Rollout> micro = rows.subList(
                    start, Math.min(rows.size(), start + settings.optimizer().microBatchSize()));
            PackedBatch packed = PackedBatch.of(micro, padId);
            float[] logProbs;
            float[] entropy;
            float[] values;
            float[] refLogProbs;
            try (NDScope ignored = new NDScope()) {
                Forward f = forward(policy.model(), packed, true);
                logProbs = f.logProbs().toFloatArray();
                entropy = java.util.Objects.requireNonNull(f.entropy()).toFloatArray();
                values = f.values() == null
                        ? new float[logProbs.length]
                        : f.values().toFloatArray();
                refLogProbs = forward(reference, packed, false).logProbs().toFloatArray();
            }
            for (int b = 0; b < micro.size(); b++) {
                Rollout r = micro.get(b);
                float[] e = packed.row(entropy, b);
                double meanEntropy = 0;
                for (float v : e) {
                    meanEntropy += v / e.length;
                }
                out.add(new Rollout(
                        r.prompt(),
                        r.promptIds(),
                        r.response(),
                        r.responseIds(),
                        packed.row(logProbs, b),
                        packed.row(refLogProbs, b),
                        packed.row(values, b),
                        meanEntropy,
                        r.score()));
            }
        }
        return out;
    }

    private record Forward(
            NDArray logProbs,
            @Nullable NDArray entropy,
            @Nullable NDArray values) {}

    /** Per response token {@code [B, window]}: log-probability, entropy and (policy, PPO) value. */
    private Forward forward(LlamaModel model, PackedBatch packed, boolean isPolicy) {
        NDManager m = model.manager();
        NDArray hidden = model.hiddenStates(packed.ids(), packed.mask(), packed.window());
        NDArray logits = model.lmHead(hidden);
        if (settings.rollout().temperature() != 1.0) {
            logits = logits.div(
                    TorchMemory.scalar(m, settings.rollout().temperature())); // not div(float): TorchMemory.scalar
        }
        NDArray logSoftmax = logits.logSoftmax(-1);
        NDArray picked = logSoftmax.gather(packed.targetArray(m), -1).reshape(packed.rows(), packed.window());
        if (!isPolicy) {
            return new Forward(picked, null, null);
        }
        NDArray entropy = logSoftmax.exp().mul(logSoftmax).sum(new int[] {-1}).neg();
        NDArray values = null;
        if (!valueHead.isEmpty()) {
            values = hidden.matMul(valueHead.get(VALUE_WEIGHT).transpose())
                    .add(valueHead.get(VALUE_BIAS))
                    .reshape(packed.rows(), packed.window());
        }
        return new Forward(picked, entropy, values);
    }

    private void computeAdvantages(
            List<Rollout> rollouts, double beta, List<float[]> advantagesOut, List<float[]> returnsOut) {
        double[][] advantages = new double[rollouts.size()][];
        if (settings.algorithm() == RlAlgorithm.PPO) {
            for (int i = 0; i < rollouts.size(); i++) {
                Rollout r = rollouts.get(i);
                double[] rewards = Advantages.tokenRewards(r.logProbs(), r.refLogProbs(), beta, r.score());
                advantages[i] = Advantages.gae(
                        rewards,
                        r.values(),
                        settings.objective().gamma(),
                        settings.objective().lambda());
                float[] ret = new float[rewards.length];
                for (int t = 0; t < ret.length; t++) {
                    ret[t] = (float) (advantages[i][t] + r.values()[t]);
                }
                returnsOut.add(ret);
            }
        } else {
            double[] sequenceRewards = new double[rollouts.size()];
            for (int i = 0; i < rollouts.size(); i++) {
                sequenceRewards[i] =
                        rollouts.get(i).score() - beta * rollouts.get(i).kl();
            }
            double[] loo =
                    Advantages.leaveOneOut(sequenceRewards, settings.rollout().samplesPerPrompt());
            for (int i = 0; i < rollouts.size(); i++) {
                advantages[i] = new double[rollouts.get(i).responseIds().length];
                java.util.Arrays.fill(advantages[i], loo[i]);
                returnsOut.add(new float[advantages[i].length]);
            }
        }
        if (settings.objective().whitenAdvantages()) {
            Advantages.whiten(advantages);
        }
        for (double[] a : advantages) {
            float[] f = new float[a.length];
            for (int t = 0; t < a.length; t++) {
                f[t] = (float) a[t];
            }
            advantagesOut.add(f);
        }
    }

    private record UpdateStats(double clipFraction, double policyLoss, double valueLoss) {}

    private UpdateStats update(List<Rollout> rollouts, List<float[]> advantages, List<float[]> returns) {
        double clipped = 0;
        double tokens = 0;
        double policyLoss = 0;
        double valueLoss = 0;
        int minibatches = 0;
        boolean ppo = settings.algorithm() == RlAlgorithm.PPO;
        for (int epoch = 0; epoch < settings.optimizer().epochs(); epoch++) {
            int[] order = shuffled(rollouts.size(), derive(settings.seed(), step, 1_000_000L + epoch));
            for (int start = 0;
                    start < order.length;
                    start += settings.optimizer().miniBatchSize()) {
                int[] mb = java.util.Arrays.copyOfRange(
                        order,
                        start,
                        Math.min(order.length, start + settings.optimizer().miniBatchSize()));
                double mbTokens = 0;
                for (int i : mb) {
                    mbTokens += rollouts.get(i).responseIds().length;
                }
                double normalizer = mbTokens;
                int micro = settings.optimizer().microBatchSize();
                int microCount = (mb.length + micro - 1) / micro;
                double[] acc = new double[3];
                optimizer.step(microCount, index -> {
                    List<Rollout> rows = new ArrayList<>();
                    List<float[]> adv = new ArrayList<>();
                    List<float[]> ret = new ArrayList<>();
                    for (int j = index * micro; j < Math.min(mb.length, (index + 1) * micro); j++) {
                        rows.add(rollouts.get(mb[j]));
                        adv.add(advantages.get(mb[j]));
                        ret.add(returns.get(mb[j]));
                    }
                    PackedBatch packed = PackedBatch.of(rows, padId);
                    NDManager m = policy.model().manager();
                    Forward f = forward(policy.model(), packed, true);
                    NDArray mask = packed.maskArray(m);
                    NDArray old = packed.perToken(
                            m, rows.stream().map(Rollout::logProbs).toList());
                    NDArray a = packed.perToken(m, adv);
                    NDArray pg = PpoLosses.policyLoss(
                            f.logProbs(), old, a, mask, settings.objective().clipRange(), normalizer);
                    acc[0] += PpoLosses.clippedTokens(
                            f.logProbs(), old, a, mask, settings.objective().clipRange());
                    acc[1] += pg.getFloat();
                    if (!ppo) {
                        return pg;
                    }
                    NDArray oldValues = packed.perToken(
                            m, rows.stream().map(Rollout::values).toList());
                    NDArray vf = PpoLosses.valueLoss(
                            java.util.Objects.requireNonNull(f.values()),
                            oldValues,
                            packed.perToken(m, ret),
                            mask,
                            settings.objective().valueClipRange(),
                            normalizer);
                    acc[2] += vf.getFloat();
                    return pg.add(
                            vf.mul(TorchMemory.scalar(m, settings.objective().valueCoefficient())));
                });
                clipped += acc[0];
                tokens += mbTokens;
                policyLoss += acc[1];
                valueLoss += acc[2];
                minibatches++;
            }
        }
        return new UpdateStats(tokens == 0 ? 0 : clipped / tokens, policyLoss / minibatches, valueLoss / minibatches);
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** A seed for one random choice, a function of the run's seed and the choice's coordinates only. */
    static long derive(long seed, long a, long b) {
        long h = seed * 0x9E3779B97F4A7C15L + a;
        h = h * 0xBF58476D1CE4E5B9L + b;
        return new SplittableRandom(h).nextLong();
    }

    /**
     * Writes a checkpoint: the policy in Hugging Face layout with its tokenizer (a loadable snapshot), the value head,
     * the optimizer moments and {@code rl_state.json} (step, prompts seen, KL coefficient). It is written next to
     * {@code dir} and renamed into place, so {@code dir} is either complete or absent.
     */
    public void saveCheckpoint(Path dir) throws IOException {
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
        deleteRecursively(partial);
        Files.createDirectories(partial);
        policy.model().save(partial);
        for (String name : TOKENIZER_FILES) {
            Path source = tokenizerDir.resolve(name);
            if (Files.isRegularFile(source)) {
                Files.copy(source, partial.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!valueHead.isEmpty()) {
            Map<String, HostTensor> head = new LinkedHashMap<>();
            valueHead.forEach(
                    (name, a) -> head.put(name, new HostTensor(a.getShape().getShape(), a.toFloatArray())));
            SafetensorsWriter.write(partial.resolve(VALUE_HEAD_FILE), head, DType.F32);
        }
        optimizer.save(partial.resolve(OPTIMIZER_FILE));
        ObjectNode state = JSON.createObjectNode();
        state.put("step", step);
        state.put("prompts_seen", promptsSeen);
        state.put("kl_coefficient", kl.value());
        state.put("optimizer_steps", optimizer.step());
        state.put("optimizer_updates", optimizer.updates());
        state.put("algorithm", settings.algorithm().name());
        Files.writeString(
                partial.resolve(STATE_FILE),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
        deleteRecursively(dir);
        Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        try {
            optimizer.close();
        } finally {
            try {
                policy.close();
            } finally {
                reference.close();
                org.cailab.model.engine.NativeMemory.trim();
            }
        }
    }
}
