package org.cailab.feedback;

import java.util.List;
import java.util.Locale;
import org.cailab.constitution.PromptFormats;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.cailab.model.GenerationResult;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SamplingSettings;
import org.cailab.pipeline.ItemInput;
import org.cailab.pipeline.ItemResult;
import org.cailab.pipeline.ItemSeeds;
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
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Run type {@code response-pairs}: for each prompt of a prompt set the policy snapshot samples two responses (one
 * batch of two rows, seeded per item and recorded); each pair is stored once, keyed by run and item, waiting for a
 * label. A redone item (after a crash) finds the pair an earlier attempt stored and returns it unchanged.
 */
@Component
class ResponsePairStage implements RunStage {

    static final String TYPE = "response-pairs";
    static final String TASK = "task";
    static final String AUTO_TASK = "auto";
    static final String POLICY_NAME = "policySnapshotName";
    static final String PROMPT_SET_NAME = "promptSetName";

    private final PromptSetService promptSets;
    private final ModelService models;
    private final SnapshotReferences snapshots;
    private final PreferencePairService pairs;

    ResponsePairStage(
            PromptSetService promptSets,
            ModelService models,
            SnapshotReferences snapshots,
            PreferencePairService pairs) {
        this.promptSets = promptSets;
        this.models = models;
        this.snapshots = snapshots;
        this.pairs = pairs;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label() {
        return "Response pairs for AI feedback";
    }

    @Override
    public String description() {
        return "The policy (model snapshot 1) samples two responses to each prompt (temperature from the sampling "
                + "settings, paper: 1); the pairs wait for a label from a feedback labelling run.";
    }

    @Override
    public List<RunInput> inputs() {
        return List.of(RunInput.PROMPT_SET, RunInput.snapshot("Policy model"));
    }

    @Override
    public List<RunParameter> parameters() {
        return List.of(RunParameter.choice(
                TASK,
                "Task",
                AUTO_TASK,
                List.of(AUTO_TASK, "harmlessness", "helpfulness"),
                "What the pairs' labels will judge; auto: harmlessness for a red-team prompt set, else helpfulness"));
    }

    @Override
    public RunConfig.Execution defaultExecution() {
        return new RunConfig.Execution(4, 3, 5);
    }

    @Override
    public String itemsLabel() {
        return "pairs";
    }

    @Override
    public List<RunLink> links(Run run) {
        return List.of(
                new RunLink(
                        "Browse pairs", RouteTarget.Page.of("preference-pairs").withQuery("run", run.id())),
                new RunLink(
                        "Pairs (JSON lines)",
                        RouteTarget.Download.of("api/preference-pairs")
                                .withQuery("format", "jsonl")
                                .withQuery("run", run.id())));
    }

    @Override
    public RunPlan plan(RunConfig config) {
        if (config.promptSet() == null) {
            throw new RunException("A response-pair run needs a prompt set.");
        }
        PromptSet set = promptSets
                .find(config.promptSet().value())
                .orElseThrow(() -> new RunException("There is no prompt set " + config.promptSet() + "."));
        ModelSnapshot policy = snapshots.resolve(config.modelSnapshots(), 0, "policy model");
        PairTask task = task(config.parameter(TASK, ""), set.kind());
        List<ItemInput> items = promptSets.allPrompts(set.id()).stream()
                .map(p -> ItemInput.of(
                        "pair-%06d".formatted(p.position()), new ResponsePairItem(p.position(), p.turns())))
                .toList();
        if (items.isEmpty()) {
            throw new RunException("Prompt set \"" + set.name() + "\" has no prompts.");
        }
        RunConfig recorded = config.withModelSnapshots(List.of(String.valueOf(policy.id())))
                .withParameter(TASK, task.name().toLowerCase(Locale.ROOT))
                .withParameter(POLICY_NAME, policy.name())
                .withParameter(PROMPT_SET_NAME, set.name());
        return new RunPlan(recorded, items);
    }

    @Override
    public ItemResult process(RunContext context, ItemInput item) {
        RunConfig config = context.config();
        long seed = ItemSeeds.item(config.seed(), item.key());
        RunConfig.Sampling sampling = config.sampling();
        PreferencePair pair = pairs.findForRunItem(context.runId(), item.key()).orElseGet(() -> {
            ResponsePairItem input = item.as(ResponsePairItem.class);
            long policyId = Long.parseLong(config.modelSnapshots().getFirst());
            SamplingSettings settings = new SamplingSettings(
                    sampling.temperature(),
                    sampling.topP(),
                    0,
                    sampling.maxNewTokens(),
                    SamplingSettings.TURN_STOPS,
                    seed);
            String prompt = policyPrompt(input.conversation());
            // one batch of two rows; the engine gives row i the seed + i
            List<GenerationResult> samples = models.generateAll(policyId, List.of(prompt, prompt), settings);
            String a = clean(samples.get(0).text());
            String b = clean(samples.get(1).text());
            var details = JsonNodeFactory.instance
                    .objectNode()
                    .put("seedA", seed)
                    .put("seedB", seed + 1)
                    .put("temperature", sampling.temperature())
                    .put("topP", sampling.topP())
                    .put("maxNewTokens", sampling.maxNewTokens())
                    .put("prompt", prompt);
            return pairs.storeForRunItem(new NewPreferencePair(
                    PairTask.valueOf(config.parameter(TASK, "").toUpperCase(Locale.ROOT)),
                    PairSource.SAMPLED,
                    input.conversation(),
                    a,
                    b,
                    null,
                    PairProvenance.sampled(context.runId(), item.key(), policyId, config.parameter(POLICY_NAME, "")),
                    details));
        });
        return ItemResult.of(new ResponsePairOutput(
                pair.id(),
                pair.responseA(),
                pair.responseB(),
                seed,
                seed + 1,
                sampling.temperature(),
                sampling.topP(),
                sampling.maxNewTokens()));
    }

    /** The conversation in the paper's format, ending in {@code "\n\nAssistant:"}: what the policy continues. */
    static String policyPrompt(List<Turn> turns) {
        return new Conversation(turns).prompt();
    }

    /** A sample as stored: without the space after the colon, NUL characters or trailing whitespace. */
    static String clean(String sample) {
        return PromptFormats.sampleText(sample.replace("\0", "")).strip();
    }

    static PairTask task(String text, PromptSetKind kind) {
        String value = text.strip().toUpperCase(Locale.ROOT);
        if (value.isEmpty() || value.equalsIgnoreCase(AUTO_TASK)) {
            return kind == PromptSetKind.RED_TEAM ? PairTask.HARMLESSNESS : PairTask.HELPFULNESS;
        }
        try {
            return PairTask.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new RunException("Task must be harmlessness or helpfulness, not \"" + text.strip() + "\".");
        }
    }
}
