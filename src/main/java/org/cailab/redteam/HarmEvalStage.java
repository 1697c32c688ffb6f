package org.cailab.redteam;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.cailab.model.GenerationResult;
import org.cailab.model.ModelProperties;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SamplingSettings;
import org.cailab.model.SnapshotKind;
import org.cailab.model.engine.PreferenceModel;
import org.cailab.pipeline.ItemInput;
import org.cailab.pipeline.ItemResult;
import org.cailab.pipeline.ItemSeeds;
import org.cailab.pipeline.PromptSelection;
import org.cailab.pipeline.RouteTarget;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunContext;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunInput;
import org.cailab.pipeline.RunLink;
import org.cailab.pipeline.RunParameter;
import org.cailab.pipeline.RunPlan;
import org.cailab.pipeline.RunStage;
import org.cailab.promptset.Prompt;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetService;
import org.springframework.stereotype.Component;

/**
 * Run type {@code harm-eval}: the paper's absolute harmfulness evaluation (section 4.5, Figure 10). For a fixed set of
 * red-team prompts (the first N of a prompt set, after the run's prompt selection) each chosen snapshot samples
 * {@code samples} responses per prompt (seeded by run, prompt and snapshot) and a harm-predictor snapshot scores every
 * conversation. One item per prompt; its output holds every sample with its score, so a prompt redone after a crash
 * replaces its output and the summaries ({@link RedTeamStatsService#harmPredictorScores}) are computed from the stored
 * outputs only.
 */
@Component
class HarmEvalStage implements RunStage {

    static final String TYPE = "harm-eval";
    static final String PREDICTOR = "predictor";
    static final String PREDICTOR_ID = "predictorId";
    static final String PREDICTOR_NAME = "predictorName";
    static final String SNAPSHOT_PREFIX = "snapshot";
    static final int SNAPSHOT_FIELDS = 4;
    static final String SNAPSHOT_RUNS = "snapshotRuns";
    static final String SNAPSHOT_IDS = "snapshotIds";
    static final String PROMPTS = "prompts";
    static final String SAMPLES = "samples";
    static final int DEFAULT_PROMPTS = 16;
    static final int DEFAULT_SAMPLES = 8;
    static final int MAX_SAMPLES = 1024;
    /** Snapshots registered by these run types can be evaluated as a whole run (every step). */
    static final String RL_RUN_TYPE = "rl-cai";

    private final ModelService models;
    private final PromptSetService promptSets;
    private final Device device;
    /** The predictor last loaded (runs of one predictor follow each other; a different one replaces it). */
    private @org.jspecify.annotations.Nullable LoadedPredictor loaded;

    private record LoadedPredictor(long snapshotId, PreferenceModel model) {}

    HarmEvalStage(ModelService models, PromptSetService promptSets, ModelProperties modelProperties) {
        this.models = models;
        this.promptSets = promptSets;
        this.device = Device.fromName(modelProperties.device());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label() {
        return "Harm evaluation (predicted harm per snapshot)";
    }

    @Override
    public List<RunInput> inputs() {
        return List.of(RunInput.PROMPT_SET);
    }

    @Override
    public String description() {
        return "Each chosen snapshot answers the red-team prompts several times (seeded); a harm predictor scores "
                + "every answer; the mean predicted harm per snapshot is shown with a bootstrap interval on the dashboards.";
    }

    @Override
    public List<RunParameter> parameters() {
        List<RunParameter> form = new ArrayList<>();
        form.add(RunParameter.snapshot(
                PREDICTOR,
                "Harm predictor",
                "A harm-predictor snapshot (run type harm-train)",
                List.of(SnapshotKind.HARM_PREDICTOR.name())));
        for (int i = 1; i <= SNAPSHOT_FIELDS; i++) {
            form.add(RunParameter.snapshot(
                    SNAPSHOT_PREFIX + i,
                    "Evaluated snapshot " + i,
                    i == 1
                            ? "A snapshot whose answers are scored (at least one snapshot or one RL run)"
                            : "Another snapshot to evaluate (optional)",
                    List.of(SnapshotKind.RL_CAI.name(), SnapshotKind.SL_CAI.name())));
        }
        form.add(RunParameter.runs(
                SNAPSHOT_RUNS,
                "Every snapshot of RL runs",
                RL_RUN_TYPE,
                "Also evaluate every snapshot these RL-CAI runs registered (predicted harm against training step)"));
        form.add(RunParameter.integer(
                PROMPTS,
                "Prompts",
                DEFAULT_PROMPTS,
                1,
                100_000,
                "The first N prompts of the set (after the prompt selection); the paper used 64"));
        form.add(RunParameter.integer(
                SAMPLES,
                "Samples per prompt",
                DEFAULT_SAMPLES,
                1,
                MAX_SAMPLES,
                "Responses sampled per prompt and snapshot; the paper used 256"));
        return form;
    }

    @Override
    public RunConfig.Execution defaultExecution() {
        return new RunConfig.Execution(2, 3, 5);
    }

    @Override
    public String itemsLabel() {
        return "prompts";
    }

    @Override
    public List<RunLink> links(Run run) {
        return List.of(new RunLink("Dashboards (absolute harmfulness)", RouteTarget.Page.of("dashboard")));
    }

    @Override
    public RunPlan plan(RunConfig config) {
        if (config.promptSet() == null) {
            throw new RunException("A harm evaluation needs a prompt set of red-team prompts.");
        }
        PromptSet set = promptSets
                .find(config.promptSet().value())
                .orElseThrow(() -> new RunException("There is no prompt set " + config.promptSet() + "."));
        ModelSnapshot predictor = snapshot(config.parameter(PREDICTOR, ""), "harm predictor");
        if (predictor.kind() != SnapshotKind.HARM_PREDICTOR) {
            throw new RunException("\"" + predictor.name() + "\" is a " + predictor.kind()
                    + " snapshot; choose a harm predictor (trained by a harm-train run).");
        }
        Map<Long, ModelSnapshot> evaluated = new LinkedHashMap<>();
        for (int i = 1; i <= SNAPSHOT_FIELDS; i++) {
            String ref = config.parameter(SNAPSHOT_PREFIX + i, "").strip();
            if (!ref.isEmpty()) {
                ModelSnapshot s = snapshot(ref, "evaluated snapshot " + i);
                evaluated.putIfAbsent(s.id(), s);
            }
        }
        List<Long> rlRuns = ids(config.parameter(SNAPSHOT_RUNS, ""), "RL runs");
        if (!rlRuns.isEmpty()) {
            models.snapshots().stream()
                    .filter(s -> s.runId() != null && rlRuns.contains(s.runId()))
                    .sorted(java.util.Comparator.comparing(ModelSnapshot::runId)
                            .thenComparing(s -> s.step() == null ? 0 : s.step()))
                    .forEach(s -> evaluated.putIfAbsent(s.id(), s));
        }
        if (evaluated.isEmpty()) {
            throw new RunException(
                    "Choose at least one snapshot to evaluate (or RL runs whose snapshots to evaluate).");
        }
        int prompts = positive(config, PROMPTS, DEFAULT_PROMPTS, "Prompts");
        int samples = positive(config, SAMPLES, DEFAULT_SAMPLES, "Samples per prompt");
        if (samples > MAX_SAMPLES) {
            throw new RunException("Samples per prompt must be at most " + MAX_SAMPLES + ", not " + samples + ".");
        }
        List<Prompt> chosen = PromptSelection.of(config).apply(promptSets.allPrompts(set.id()), config.seed());
        if (chosen.size() > prompts) {
            chosen = chosen.subList(0, prompts);
        }
        if (chosen.isEmpty()) {
            throw new RunException("Prompt set \"" + set.name() + "\" has no prompts.");
        }
        List<ItemInput> items = new ArrayList<>();
        for (Prompt p : chosen) {
            items.add(ItemInput.of(
                    "prompt-%06d".formatted(p.position()),
                    new HarmEvalItem(p.position(), conversation(p.turns()), List.of())));
        }
        RunConfig recorded = config.withParameter(PREDICTOR, predictor.name())
                .withParameter(PREDICTOR_ID, String.valueOf(predictor.id()))
                .withParameter(PREDICTOR_NAME, predictor.name())
                .withParameter(
                        SNAPSHOT_IDS,
                        String.join(
                                ",",
                                evaluated.keySet().stream().map(String::valueOf).toList()))
                .withParameter(
                        SNAPSHOT_RUNS,
                        String.join(",", rlRuns.stream().map(String::valueOf).toList()))
                .withParameter(PROMPTS, String.valueOf(prompts))
                .withParameter(SAMPLES, String.valueOf(samples));
        return new RunPlan(recorded, items);
    }

    @Override
    public ItemResult process(RunContext context, ItemInput item) {
        RunConfig config = context.config();
        HarmEvalItem input = item.as(HarmEvalItem.class);
        int samples = Integer.parseInt(config.parameter(SAMPLES, String.valueOf(DEFAULT_SAMPLES)));
        long itemSeed = ItemSeeds.item(config.seed(), item.key());
        List<HarmEvalSample> out = new ArrayList<>();
        List<Long> snapshotIds = ids(config.parameter(SNAPSHOT_IDS, ""), "Evaluated snapshots");
        for (int k = 0; k < snapshotIds.size(); k++) {
            long snapshotId = snapshotIds.get(k);
            String name = models.snapshot(snapshotId).map(ModelSnapshot::name).orElse("#" + snapshotId);
            long seed = ItemSeeds.derive(itemSeed, k);
            SamplingSettings settings = new SamplingSettings(
                    config.sampling().temperature(),
                    config.sampling().topP(),
                    0,
                    config.sampling().maxNewTokens(),
                    SamplingSettings.TURN_STOPS,
                    seed);
            // one batch of N rows; the engine gives row i the seed + i
            List<GenerationResult> answers =
                    models.generateAll(snapshotId, Collections.nCopies(samples, input.conversation()), settings);
            List<String> responses =
                    answers.stream().map(a -> " " + a.text().strip()).toList();
            float[] scores = score(
                    Long.parseLong(config.parameter(PREDICTOR_ID, "0")),
                    Collections.nCopies(samples, input.conversation()),
                    responses);
            for (int i = 0; i < samples; i++) {
                out.add(new HarmEvalSample(snapshotId, name, i, seed + i, responses.get(i), scores[i]));
            }
        }
        return ItemResult.of(new HarmEvalItem(input.position(), input.conversation(), out));
    }

    private synchronized float[] score(long predictorId, List<String> conversations, List<String> responses) {
        if (loaded == null || loaded.snapshotId() != predictorId) {
            ModelSnapshot predictor = models.snapshot(predictorId)
                    .orElseThrow(() -> new RunException("The harm predictor of this run no longer exists."));
            close();
            loaded = new LoadedPredictor(predictorId, PreferenceModel.load(Path.of(predictor.location()), device));
        }
        return loaded.model().score(conversations, responses);
    }

    /** Frees the loaded predictor when the application stops. */
    @jakarta.annotation.PreDestroy
    synchronized void close() {
        if (loaded != null) {
            loaded.model().close();
            loaded = null;
        }
    }

    static String conversation(List<Turn> turns) {
        return new Conversation(turns).stripped().prompt();
    }

    private ModelSnapshot snapshot(String ref, String role) {
        String r = ref.strip();
        if (r.isEmpty()) {
            throw new RunException("Choose the " + role + ".");
        }
        if (r.chars().allMatch(Character::isDigit)) {
            return models.snapshot(Long.parseLong(r))
                    .orElseThrow(() -> new RunException("There is no model snapshot " + r + " (" + role + ")."));
        }
        return models.snapshots().stream()
                .filter(s -> s.name().equals(r))
                .findFirst()
                .orElseThrow(() -> new RunException("There is no model snapshot named \"" + r + "\" (" + role + ")."));
    }

    private static int positive(RunConfig config, String key, int fallback, String label) {
        String v = config.parameter(key, String.valueOf(fallback)).strip();
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new RunException(label + " must be 1 or more, not " + n + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new RunException(label + " must be a whole number, not \"" + v + "\".");
        }
    }

    static List<Long> ids(String value, String label) {
        List<Long> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String s = part.strip();
            if (!s.isEmpty()) {
                try {
                    out.add(Long.parseLong(s));
                } catch (NumberFormatException e) {
                    throw new RunException(label + " must be ids separated by commas, found \"" + s + "\".");
                }
            }
        }
        return out;
    }
}
