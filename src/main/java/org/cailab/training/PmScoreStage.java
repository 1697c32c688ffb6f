package org.cailab.training;

import java.util.ArrayList;
import java.util.List;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.ItemInput;
import org.cailab.pipeline.ItemResult;
import org.cailab.pipeline.RouteTarget;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunContext;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunLink;
import org.cailab.pipeline.RunParameter;
import org.cailab.pipeline.RunPlan;
import org.cailab.pipeline.RunStage;
import org.cailab.slcai.ChainResponses;
import org.cailab.slcai.SlCaiRunInfo;
import org.cailab.slcai.SlCaiService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Run type {@code pm-score}: the paper's Figure 5. A preference-model snapshot scores every red-team chain of a
 * finished SL-CAI run: the initial response and the response after each revision round, each after the chain's
 * conversation. The chains are copied into the items when the run starts (batches of {@link #BATCH}); a batch's
 * output holds each chain's scores by round, and the per-round means are computed from those outputs
 * ({@link PmScoreService#rounds}). Scoring is deterministic, so a batch redone after a crash gives the same output.
 */
@Component
class PmScoreStage implements RunStage {

    static final String TYPE = "pm-score";
    static final String SL_CAI_RUN = "slCaiRun";
    static final String SL_CAI_RUN_NAME = "slCaiRunName";
    static final String PREFERENCE_MODEL = "preferenceModel";
    static final String PREFERENCE_MODEL_NAME = "preferenceModelName";
    static final String MAX_LENGTH = "maxLength";
    static final String ROUNDS = "rounds";
    static final int BATCH = 8;
    private static final int PAGE = 500;

    /** Lazily: the SL-CAI service reads runs, and the run service needs every stage first. */
    private final ObjectProvider<SlCaiService> slCaiService;

    private final PreferenceModelService preferenceModels;

    PmScoreStage(ObjectProvider<SlCaiService> slCaiService, PreferenceModelService preferenceModels) {
        this.slCaiService = slCaiService;
        this.preferenceModels = preferenceModels;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label() {
        return "Preference-model scores of SL-CAI revisions";
    }

    @Override
    public String description() {
        return "Scores the initial response and every revision of an SL-CAI run's chains with a preference model, "
                + "for the mean score per revision round (dashboard chart 5, the paper's Figure 5).";
    }

    @Override
    public List<RunParameter> parameters() {
        return List.of(
                RunParameter.run(
                        SL_CAI_RUN,
                        "SL-CAI run",
                        SlCaiService.RUN_TYPE,
                        "A finished SL-CAI run whose chains are scored"),
                TrainingPlans.preferenceModel(PREFERENCE_MODEL, "The preference-model snapshot that scores"),
                TrainingPlans.maxLength(MAX_LENGTH, "Each conversation + response is cut to its last N tokens"));
    }

    @Override
    public RunConfig.Execution defaultExecution() {
        return new RunConfig.Execution(1, 3, 5);
    }

    @Override
    public String itemsLabel() {
        return "batches";
    }

    @Override
    public List<RunLink> links(Run run) {
        return List.of(new RunLink("Chart 5: PM score per revision round", RouteTarget.Page.of("dashboard")));
    }

    @Override
    public RunPlan plan(RunConfig config) {
        SlCaiService slCai = slCaiService.getObject();
        RunId runId = new RunId(id(config.parameter(SL_CAI_RUN, ""), "Choose the SL-CAI run to score.", "SL-CAI run"));
        SlCaiRunInfo info = slCai.run(runId);
        if (!info.run().state().isTerminal()) {
            throw new RunException("SL-CAI run \"" + info.run().name() + "\" is "
                    + info.run().state().label().toLowerCase()
                    + "; score it once it has finished (or been cancelled).");
        }
        ModelSnapshot pm = preferenceModels.preferenceModel(
                config.parameter(PREFERENCE_MODEL, ""), "Choose the preference model that scores.");
        int maxLength = TrainingPlans.maxLength(config, MAX_LENGTH);
        List<ChainResponses> chains = new ArrayList<>();
        int samples = slCai.countSamples(runId, null);
        for (int offset = 0; offset < samples; offset += PAGE) {
            chains.addAll(slCai.chainResponses(runId, offset, PAGE));
        }
        if (chains.isEmpty()) {
            throw new RunException(
                    "SL-CAI run \"" + info.run().name() + "\" has no critique/revision chains to score.");
        }
        List<ItemInput> items = new ArrayList<>();
        for (int from = 0; from < chains.size(); from += BATCH) {
            items.add(ItemInput.of(
                    "chains-%06d".formatted(from),
                    new Batch(List.copyOf(chains.subList(from, Math.min(chains.size(), from + BATCH))))));
        }
        int rounds = chains.stream().mapToInt(ChainResponses::rounds).max().orElse(0);
        RunConfig recorded = config.withParameter(SL_CAI_RUN, String.valueOf(runId))
                .withParameter(SL_CAI_RUN_NAME, info.run().name())
                .withParameter(PREFERENCE_MODEL, String.valueOf(pm.id()))
                .withParameter(PREFERENCE_MODEL_NAME, pm.name())
                .withParameter(MAX_LENGTH, String.valueOf(maxLength))
                .withParameter(ROUNDS, String.valueOf(rounds));
        return new RunPlan(recorded, items);
    }

    @Override
    public ItemResult process(RunContext context, ItemInput item) {
        PmScoreParameters parameters = PmScoreParameters.of(context.config());
        Batch batch = item.as(Batch.class);
        List<String> prompts = new ArrayList<>();
        List<String> responses = new ArrayList<>();
        for (ChainResponses chain : batch.chains()) {
            for (String response : chain.responses()) {
                prompts.add(chain.prompt());
                responses.add(response);
            }
        }
        float[] rewards =
                preferenceModels.score(parameters.preferenceModel(), prompts, responses, parameters.maxLength());
        List<PmChainScore> out = new ArrayList<>();
        int next = 0;
        for (ChainResponses chain : batch.chains()) {
            List<Double> scores = new ArrayList<>();
            for (int round = 0; round <= chain.rounds(); round++) {
                scores.add((double) rewards[next++]);
            }
            out.add(new PmChainScore(chain.itemKey(), scores, chain.truncated()));
        }
        return ItemResult.of(new BatchScores(out));
    }

    private static long id(String value, String missing, String label) {
        String s = value.strip();
        if (s.isEmpty()) {
            throw new RunException(missing);
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new RunException(label + " must be a run id, not \"" + s + "\".");
        }
    }

    /** One item's input: the chains it scores, copied from the SL-CAI run when the run started. */
    record Batch(List<ChainResponses> chains) {}

    /** One item's output. */
    record BatchScores(List<PmChainScore> chains) {}
}
