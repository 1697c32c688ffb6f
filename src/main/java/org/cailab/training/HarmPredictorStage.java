package org.cailab.training;

import java.util.ArrayList;
import java.util.List;
import org.cailab.model.ModelRegistry;
import org.cailab.model.engine.PreferenceModel;
import org.cailab.model.engine.RatingExample;
import org.cailab.model.engine.TrainingLoop;
import org.cailab.pipeline.ItemInput;
import org.cailab.pipeline.ItemResult;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunContext;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunParameter;
import org.cailab.pipeline.RunPlan;
import org.cailab.redteam.AttemptImport;
import org.cailab.redteam.RatedTranscript;
import org.cailab.redteam.RedTeamCampaign;
import org.cailab.redteam.RedTeamCampaignService;
import org.cailab.redteam.RedTeamDataService;
import org.cailab.redteam.TranscriptSelection;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Run type {@code harm-train}: the paper's absolute harm predictor (section 4.5). A scalar head on a transformer
 * initialised from the base snapshot regresses the red teamer's success rating (0-4) of a whole conversation with an
 * L2 loss, on the rated attempts of our red-team campaigns and/or of imported red-team files. Held-out MSE and
 * Spearman correlation on the training page; checkpoints, resume and registration (kind harm predictor) as for
 * {@code pm-train}, through the same {@link ScalarHeadTrainer}.
 */
@Component
class HarmPredictorStage implements TrainingStage {

    static final String TYPE = "harm-train";
    static final String CAMPAIGN = "campaign";
    static final String IMPORT = "redTeamImport";
    static final String CAMPAIGN_IDS = "campaignIds";
    static final String IMPORT_IDS = "importIds";
    static final String ALL = "all";
    static final String NONE = "none";
    static final double DEFAULT_LEARNING_RATE = 1e-5;
    static final int DEFAULT_BATCH = 32;

    private final ModelRegistry registry;
    private final ScalarHeadTrainer trainer;
    private final ObjectProvider<RedTeamDataService> attempts;
    private final ObjectProvider<RedTeamCampaignService> campaigns;

    HarmPredictorStage(
            ModelRegistry registry,
            ScalarHeadTrainer trainer,
            ObjectProvider<RedTeamDataService> attempts,
            ObjectProvider<RedTeamCampaignService> campaigns) {
        this.registry = registry;
        this.trainer = trainer;
        this.attempts = attempts;
        this.campaigns = campaigns;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label() {
        return "Harm predictor training";
    }

    @Override
    public String description() {
        return "Trains a harm predictor (scalar head on the base snapshot) to predict the red-team success rating "
                + "0-4 of a conversation with an L2 loss, on rated attempts of our campaigns and imported files.";
    }

    @Override
    public List<RunParameter> parameters() {
        // campaigns and imports are listed by name when the form opens
        List<String> campaignChoices = new ArrayList<>(List.of(ALL, NONE));
        campaigns.getObject().campaigns().forEach(c -> campaignChoices.add(c.name()));
        List<String> importChoices = new ArrayList<>(List.of(ALL, NONE));
        attempts.getObject().imports().forEach(i -> importChoices.add(importLabel(i)));
        List<RunParameter> form = new ArrayList<>();
        form.add(RunParameter.choice(
                CAMPAIGN,
                "Red-team campaign",
                ALL,
                campaignChoices,
                "Rated attempts of this campaign (all: of every campaign; none: no live attempts)"));
        form.add(RunParameter.choice(
                IMPORT,
                "Imported red-team attempts",
                ALL,
                importChoices,
                "Attempts of this import (page Red-team import / export; all: every import; none: no imports)"));
        form.addAll(TrainingSettings.form(DEFAULT_LEARNING_RATE, DEFAULT_BATCH));
        return form;
    }

    static String importLabel(AttemptImport i) {
        return i.fileName() + " (import " + i.id() + ", " + i.records() + " attempts)";
    }

    @Override
    public RunPlan plan(RunConfig config) {
        TrainingPlans.Start start = TrainingPlans.start(
                config, registry, "base model of the harm predictor", DEFAULT_LEARNING_RATE, DEFAULT_BATCH);
        List<Long> campaignIds = campaignIds(config.parameter(CAMPAIGN, ALL));
        List<Long> importIds = importIds(config.parameter(IMPORT, ALL));
        RunConfig recorded = start.record(config)
                .withParameter(CAMPAIGN_IDS, campaignIds == null ? ALL : TrainingPlans.join(campaignIds))
                .withParameter(IMPORT_IDS, importIds == null ? ALL : TrainingPlans.join(importIds));
        int count = select(recorded).size();
        if (count < 4) {
            throw new RunException("The selection has " + count + " rated red-team attempts with a transcript; "
                    + "training needs at least 4 (some are held out).");
        }
        return new RunPlan(recorded, TrainingPlans.singleItem());
    }

    /** null: every campaign; empty: none. */
    private @Nullable List<Long> campaignIds(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.equalsIgnoreCase(ALL)) {
            return null;
        }
        if (v.equalsIgnoreCase(NONE)) {
            return List.of();
        }
        for (RedTeamCampaign c : campaigns.getObject().campaigns()) {
            if (c.name().equals(v) || String.valueOf(c.id()).equals(v)) {
                return List.of(c.id());
            }
        }
        throw new RunException("There is no red-team campaign named \"" + v + "\".");
    }

    private @Nullable List<Long> importIds(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.equalsIgnoreCase(ALL)) {
            return null;
        }
        if (v.equalsIgnoreCase(NONE)) {
            return List.of();
        }
        for (AttemptImport i : attempts.getObject().imports()) {
            if (importLabel(i).equals(v) || String.valueOf(i.id()).equals(v)) {
                return List.of(i.id());
            }
        }
        throw new RunException("There is no red-team import \"" + v + "\".");
    }

    private List<RatedTranscript> select(RunConfig config) {
        return attempts.getObject()
                .ratedTranscripts(new TranscriptSelection(
                        recordedIds(config.parameter(CAMPAIGN_IDS, ALL)),
                        recordedIds(config.parameter(IMPORT_IDS, ALL))));
    }

    private static @Nullable List<Long> recordedIds(String value) {
        return value.equals(ALL) ? null : TrainingPlans.runIds(value, "Recorded ids");
    }

    @Override
    public ItemResult process(RunContext context, ItemInput item) throws Exception {
        RunConfig config = context.config();
        TrainingSettings settings = TrainingSettings.of(config, DEFAULT_LEARNING_RATE, DEFAULT_BATCH);
        List<RatedTranscript> rated = select(config);
        return trainer.train(context, settings, "harm predictor", new ScalarHeadTrainer.Task<RatingExample>() {
            @Override
            public List<RatingExample> examples(PreferenceModel model, TrainingSettings s) {
                List<RatingExample> examples = new ArrayList<>(rated.size());
                for (RatedTranscript t : rated) {
                    examples.add(new RatingExample(
                            ScalarHeadTrainer.tail(model.encode(t.transcript(), ""), s.maxLength()), t.rating()));
                }
                return examples;
            }

            @Override
            public TrainingLoop<RatingExample> loop(
                    TrainingLoop.Settings loop, PreferenceModel model, TrainingSettings s) {
                return TrainingLoop.harmPredictor(loop, model, s.microBatchSize());
            }

            @Override
            public String unit() {
                return "ratings";
            }
        });
    }
}
