package org.cailab.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cailab.evaluation.EvaluationSet;
import org.cailab.evaluation.EvaluationSetService;
import org.cailab.evaluation.TranscriptPair;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotEvaluationService;
import org.cailab.model.engine.HhhEvaluation;
import org.cailab.pipeline.ItemInput;
import org.cailab.pipeline.ItemResult;
import org.cailab.pipeline.RouteTarget;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunContext;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunLink;
import org.cailab.pipeline.RunLogLevel;
import org.cailab.pipeline.RunParameter;
import org.cailab.pipeline.RunPlan;
import org.cailab.pipeline.RunStage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Run type {@code pm-eval}: the paper's standard preference-model evaluation (its Figure 4) on an uploaded
 * evaluation set's transcript pairs (the HHH file's {@code text_correct} / {@code text_incorrect}): the share of
 * pairs whose correct transcript gets the higher reward, stored with the snapshot for the Models page. One item
 * scores the whole set; the result is stored with an upsert, so a redo after a crash stores it once. Sets never
 * change after upload, so reading the pairs when the item runs gives what the run was started on.
 */
@Component
class PmEvalStage implements RunStage {

    static final String TYPE = "pm-eval";
    static final String PREFERENCE_MODEL = "preferenceModel";
    static final String PREFERENCE_MODEL_NAME = "preferenceModelName";
    static final String SET = "evaluationSet";
    static final String SET_ID = "evaluationSetId";
    static final String MAX_LENGTH = "maxLength";

    /** Lazily: the evaluation-set service reads runs, and the run service needs every stage first. */
    private final ObjectProvider<EvaluationSetService> setService;

    private final PreferenceModelService preferenceModels;
    private final SnapshotEvaluationService snapshotEvaluations;

    PmEvalStage(
            ObjectProvider<EvaluationSetService> setService,
            PreferenceModelService preferenceModels,
            SnapshotEvaluationService snapshotEvaluations) {
        this.setService = setService;
        this.preferenceModels = preferenceModels;
        this.snapshotEvaluations = snapshotEvaluations;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label() {
        return "Preference-model evaluation (HHH comparisons)";
    }

    @Override
    public String description() {
        return "Scores both transcripts of every pair of an evaluation set (text_correct / text_incorrect, as in the "
                + "HHH file) with a preference model; the accuracy is stored with the snapshot.";
    }

    @Override
    public List<RunParameter> parameters() {
        List<String> names;
        try {
            names = setService.getObject().setsWithTranscriptPairs();
        } catch (RuntimeException e) {
            names = List.of(); // the form opens for admins too, who do not read evaluation sets
        }
        return List.of(
                TrainingPlans.preferenceModel(PREFERENCE_MODEL, "The preference-model snapshot to evaluate"),
                new RunParameter(
                        SET,
                        "Evaluation set",
                        "",
                        "An uploaded set whose lines have text_correct and " + "text_incorrect (page Evaluations)",
                        RunParameter.Kind.CHOICE,
                        null,
                        null,
                        names),
                TrainingPlans.maxLength(MAX_LENGTH, "Each transcript is cut to its last N tokens"));
    }

    @Override
    public RunConfig.Execution defaultExecution() {
        return new RunConfig.Execution(1, 3, 5);
    }

    @Override
    public String itemsLabel() {
        return "evaluations";
    }

    @Override
    public List<RunLink> links(Run run) {
        return List.of(new RunLink("Models", RouteTarget.Page.of("models")));
    }

    @Override
    public RunPlan plan(RunConfig config) {
        ModelSnapshot pm = preferenceModels.preferenceModel(
                config.parameter(PREFERENCE_MODEL, ""), "Choose the preference model to evaluate.");
        EvaluationSetService sets = setService.getObject();
        String name = config.parameter(SET, "").strip();
        if (name.isEmpty()) {
            throw new RunException("Choose an evaluation set with transcript pairs (upload the HHH file on the "
                    + "Evaluations page).");
        }
        EvaluationSet set = sets.set(name)
                .orElseThrow(() -> new RunException("There is no evaluation set named \"" + name + "\"."));
        if (sets.transcriptPairs(set.id()).isEmpty()) {
            throw new RunException("Evaluation set \"" + set.name() + "\" has no text_correct / text_incorrect pairs "
                    + "to evaluate a preference model on.");
        }
        int maxLength = TrainingPlans.maxLength(config, MAX_LENGTH);
        RunConfig recorded = config.withParameter(PREFERENCE_MODEL, String.valueOf(pm.id()))
                .withParameter(PREFERENCE_MODEL_NAME, pm.name())
                .withParameter(SET, set.name())
                .withParameter(SET_ID, String.valueOf(set.id()))
                .withParameter(MAX_LENGTH, String.valueOf(maxLength));
        return new RunPlan(recorded, List.of(ItemInput.of("evaluation", Map.of("set", set.name()))));
    }

    @Override
    public ItemResult process(RunContext context, ItemInput item) {
        PmEvalParameters parameters = PmEvalParameters.of(context.config());
        long pm = parameters.preferenceModel();
        String set = parameters.setName();
        List<HhhEvaluation.Comparison> comparisons = setService.getObject().transcriptPairs(parameters.setId()).stream()
                .map((TranscriptPair p) -> new HhhEvaluation.Comparison(p.correct(), p.incorrect()))
                .toList();
        HhhEvaluation.Result r = preferenceModels.evaluate(pm, comparisons, parameters.maxLength());
        int correct = (int) Math.round(r.accuracy() * r.comparisons());
        snapshotEvaluations.record(pm, set, correct, r.comparisons(), context.runId());
        context.log(
                RunLogLevel.INFO,
                String.format(
                        Locale.ROOT,
                        "%s: %d of %d pairs ordered correctly (%.1f%%).",
                        set,
                        correct,
                        r.comparisons(),
                        100.0 * correct / r.comparisons()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("evaluationSet", set);
        out.put("correct", correct);
        out.put("comparisons", r.comparisons());
        out.put("accuracy", (double) correct / r.comparisons());
        return ItemResult.of(out);
    }
}
