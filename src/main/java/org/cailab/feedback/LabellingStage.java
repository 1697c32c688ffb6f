package org.cailab.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.constitution.ConstitutionContent;
import org.cailab.constitution.ConstitutionVersionView;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.ItemInput;
import org.cailab.pipeline.ItemResult;
import org.cailab.pipeline.ItemSeeds;
import org.cailab.pipeline.RouteTarget;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunContext;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunInput;
import org.cailab.pipeline.RunLink;
import org.cailab.pipeline.RunParameter;
import org.cailab.pipeline.RunPlan;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunStage;
import org.cailab.pipeline.RunSummary;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Run type {@code ai-feedback}: the feedback model labels preference pairs (the paper's section 4.1). The pairs are
 * those of a response-pair run (or of an import of human pairs) that have no AI label yet, fixed when the run is
 * planned. Each label is stored once as an AI feedback pair keyed by run and item, with everything that made it
 * (prompts, log-probabilities, probabilities, principles, options, seed); a redone item returns the stored one.
 */
@Component
class LabellingStage implements RunStage {

    static final String TYPE = "ai-feedback";
    static final String PAIR_RUN = "pairRun";
    static final String PAIR_IMPORT = "pairImport";
    static final String PAIR_CAMPAIGN = "pairCampaign";
    static final String FEEDBACK_NAME = "feedbackSnapshotName";
    static final String CONSTITUTION_LABEL = "constitutionVersionLabel";
    static final String SELECTION_LABEL = "pairsLabel";

    private final PreferencePairService pairs;
    private final RunService runs;
    private final ModelService models;
    private final SnapshotReferences snapshots;
    private final ConstitutionReferences constitutions;
    private final JsonMapper json;

    /** The run service lists the stages, so it comes lazily (it is only needed when a run is planned). */
    LabellingStage(
            PreferencePairService pairs,
            @Lazy RunService runs,
            ModelService models,
            SnapshotReferences snapshots,
            ConstitutionReferences constitutions,
            JsonMapper json) {
        this.json = json;
        this.pairs = pairs;
        this.runs = runs;
        this.models = models;
        this.snapshots = snapshots;
        this.constitutions = constitutions;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label() {
        return "AI feedback labelling";
    }

    @Override
    public String description() {
        return "The feedback model (model snapshot 1) labels preference pairs under RL principles drawn from the "
                + "constitution version: P(A better) from the probabilities of (A) and (B).";
    }

    @Override
    public List<RunParameter> parameters() {
        return Stream.concat(
                        Stream.of(
                                RunParameter.run(
                                        PAIR_RUN,
                                        "Response-pair run",
                                        ResponsePairStage.TYPE,
                                        "The response-pair run whose pairs to label"),
                                new RunParameter(
                                        PAIR_IMPORT,
                                        "Or pair import",
                                        "",
                                        "The name of an import of human pairs to label instead"),
                                new RunParameter(
                                        PAIR_CAMPAIGN,
                                        "Or comparison campaign",
                                        "",
                                        "The name of a comparison campaign whose crowdworker pairs to label (for agreement)")),
                        FeedbackOptions.FORM.stream())
                .toList();
    }

    @Override
    public List<RunInput> inputs() {
        return List.of(RunInput.CONSTITUTION_VERSION, RunInput.snapshot("Feedback model"));
    }

    @Override
    public RunConfig.Execution defaultExecution() {
        return new RunConfig.Execution(4, 3, 5);
    }

    @Override
    public String itemsLabel() {
        return "labels";
    }

    @Override
    public List<RunLink> links(Run run) {
        RouteTarget.Download pairs = RouteTarget.Download.of("api/preference-pairs");
        return List.of(
                new RunLink("Labels and histogram", RouteTarget.Page.ofRun("ai-feedback/:runId", run.id())),
                new RunLink(
                        "Labels (JSON lines)",
                        pairs.withQuery("format", "jsonl").withQuery("run", run.id())),
                new RunLink("Labels (TRL)", pairs.withQuery("format", "trl").withQuery("run", run.id())));
    }

    @Override
    public RunPlan plan(RunConfig config) {
        ModelSnapshot feedback = snapshots.resolve(config.modelSnapshots(), 0, "feedback model");
        ConstitutionVersionView version = constitutions.resolve(ConstitutionChoice.textOf(config.constitution()));
        if (version.content().enabledRlPrinciples().isEmpty()) {
            throw new RunException("Constitution " + version.ref().label() + " has no enabled RL principles: enable "
                    + "at least one comparison principle (or choose another version).");
        }
        FeedbackOptions options = FeedbackOptions.fromParameters(config.parameters());
        PairFilter selection;
        String selectionLabel;
        String runRef = config.parameter(PAIR_RUN, "").strip();
        String importRef = config.parameter(PAIR_IMPORT, "").strip();
        String campaignRef = config.parameter(PAIR_CAMPAIGN, "").strip();
        if (Stream.of(runRef, importRef, campaignRef).filter(r -> !r.isEmpty()).count() != 1) {
            throw new RunException("Name one of: the response-pair run, the pair import or the comparison campaign "
                    + "whose pairs to label.");
        }
        if (!runRef.isEmpty()) {
            RunSummary pairRun = pairRun(runRef);
            selection = PairFilter.ofRun(pairRun.run().id()).withSource(PairSource.SAMPLED);
            selectionLabel = "run " + pairRun.run().id() + " \"" + pairRun.run().name() + "\"";
            config = config.withParameter(PAIR_RUN, String.valueOf(pairRun.run().id()));
        } else if (!importRef.isEmpty()) {
            PairImport imported = pairs.imports().stream()
                    .filter(i -> i.name().equalsIgnoreCase(importRef))
                    .findFirst()
                    .orElseThrow(() -> new RunException("There is no pair import \"" + importRef + "\"."));
            selection = PairFilter.ofImport(imported.id());
            selectionLabel = "import \"" + imported.name() + "\"";
            config = config.withParameter(PAIR_IMPORT, imported.name());
        } else {
            pairs.syncCrowdVotes();
            PreferencePair any = pairs.pairs(PairFilter.ALL.withSource(PairSource.CROWD_VOTE), 0, 100_000).stream()
                    .filter(p -> campaignRef.equalsIgnoreCase(p.provenance().campaignName()))
                    .findFirst()
                    .orElseThrow(() -> new RunException("Comparison campaign \"" + campaignRef
                            + "\" has no votes that count (or does not exist)."));
            selection =
                    PairFilter.ALL.withCampaign(any.provenance().campaignId()).withSource(PairSource.CROWD_VOTE);
            selectionLabel = "campaign \"" + any.provenance().campaignName() + "\"";
            config = config.withParameter(
                    PAIR_CAMPAIGN, String.valueOf(any.provenance().campaignName()));
        }
        List<ItemInput> items = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            List<PreferencePair> page = pairs.pairs(selection, offset, 1000);
            page.stream()
                    .filter(p -> p.aiLabels() == 0)
                    .forEach(p -> items.add(ItemInput.of("label-" + p.id(), new LabellingItem(p.id()))));
            if (page.size() < 1000) {
                break;
            }
        }
        if (items.isEmpty()) {
            throw new RunException(
                    "The pairs of " + selectionLabel + " all have AI labels already (or there are none).");
        }
        for (Map.Entry<String, String> option : options.toParameters().entrySet()) {
            config = config.withParameter(option.getKey(), option.getValue());
        }
        RunConfig recorded = config.withModelSnapshots(List.of(String.valueOf(feedback.id())))
                .withConstitution(ConstitutionChoice.of(version.id()))
                .withParameter(FEEDBACK_NAME, feedback.name())
                .withParameter(CONSTITUTION_LABEL, version.ref().label())
                .withParameter(SELECTION_LABEL, selectionLabel);
        return new RunPlan(recorded, items);
    }

    @Override
    public ItemResult process(RunContext context, ItemInput item) {
        PreferencePair stored =
                pairs.findForRunItem(context.runId(), item.key()).orElse(null);
        if (stored == null) {
            stored = label(context, item);
        }
        boolean disagree = pairs.details(stored.id())
                .map(d -> d.path("ordersDisagree").asBoolean())
                .orElse(false);
        return ItemResult.of(new LabellingOutput(
                stored.id(),
                stored.provenance().labelledPairId(),
                stored.label(),
                stored.provenance().principles(),
                disagree));
    }

    /**
     * Labels the pair with {@link FeedbackLabeler} and stores the label once; the details hold the whole {@link
     * FeedbackLabel} (every prompt, log-probability, probability and reasoning) with the options and the seed.
     */
    private PreferencePair label(RunContext context, ItemInput item) {
        RunConfig config = context.config();
        long pairId = item.as(LabellingItem.class).pairId();
        PreferencePair pair =
                pairs.find(pairId).orElseThrow(() -> new RunException("Pair " + pairId + " was deleted."));
        ConstitutionContent constitution = constitutions.content(config.constitutionVersionId());
        FeedbackOptions options = FeedbackOptions.fromParameters(config.parameters());
        long feedbackId = Long.parseLong(config.modelSnapshots().getFirst());
        long seed = ItemSeeds.item(config.seed(), item.key());
        FeedbackLabel label = new FeedbackLabeler(models, feedbackId)
                .label(new LabelRequest(
                        conversation(pair.conversation()),
                        pair.responseA(),
                        pair.responseB(),
                        constitution,
                        options,
                        seed));
        ObjectNode details = json.valueToTree(label);
        details.set("options", json.valueToTree(options));
        details.put("seed", seed);
        return pairs.storeForRunItem(new NewPreferencePair(
                pair.task(),
                PairSource.AI_FEEDBACK,
                pair.conversation(),
                pair.responseA(),
                pair.responseB(),
                label.label(),
                PairProvenance.aiFeedback(
                        context.runId(),
                        item.key(),
                        pair.id(),
                        label.principleKeys(),
                        feedbackId,
                        config.parameter(FEEDBACK_NAME, "")),
                details));
    }

    private RunSummary pairRun(String reference) {
        List<RunSummary> candidates = reference.chars().allMatch(Character::isDigit)
                ? runs.find(new RunId(Long.parseLong(reference))).stream().toList()
                : runs.findRecent(1000).stream()
                        .filter(r -> r.run().name().equalsIgnoreCase(reference))
                        .toList();
        RunSummary run = candidates.stream()
                .filter(r -> r.run().type().equals(ResponsePairStage.TYPE))
                .findFirst()
                .orElseThrow(() -> new RunException("There is no response-pair run \"" + reference + "\"."));
        return run;
    }

    static Conversation conversation(List<Turn> turns) {
        return new Conversation(turns);
    }
}
