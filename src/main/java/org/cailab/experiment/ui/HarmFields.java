package org.cailab.experiment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import org.cailab.experiment.PipelineParameters;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.redteam.AttemptImport;
import org.cailab.redteam.RedTeamCampaign;

/**
 * The pipeline form's harm measurement: a checkbox, then the rated red-team data for a new harm predictor (or an
 * existing predictor instead), the held-out red-team prompts and how many prompts and samples per snapshot. Adds the
 * optional stages {@code harm-train} and {@code harm-eval} and their settings to a pipeline configuration.
 */
final class HarmFields {

    final Checkbox measure = new Checkbox("Measure harm (harm predictor)", false);
    final ComboBox<ModelSnapshot> predictor = new ComboBox<>("Existing harm predictor");
    final ComboBox<RedTeamCampaign> campaign = new ComboBox<>("Rated red-team campaign");
    final ComboBox<AttemptImport> imported = new ComboBox<>("Imported red-team attempts");
    final ComboBox<PromptSet> prompts = new ComboBox<>("Held-out red-team prompts");
    final IntegerField promptCount =
            PipelinesView.integer("Harm prompts", 16, 1, 100_000, "The first N held-out prompts (the paper: 64)");
    final IntegerField samples = PipelinesView.integer(
            "Harm samples per prompt", 8, 1, 1024, "Answers per prompt and snapshot (the paper: 256)");

    HarmFields(
            List<ModelSnapshot> snapshots,
            List<RedTeamCampaign> campaigns,
            List<AttemptImport> imports,
            List<PromptSet> sets) {
        measure.setId("pipeline-harm");
        measure.setTooltipText("Train a harm predictor (or use one), then score the answers of the base, SL-CAI and "
                + "every RL-CAI snapshot to held-out red-team prompts: chart 4 of the dashboards");
        predictor.setId("pipeline-harm-predictor");
        predictor.setItems(snapshots.stream()
                .filter(s -> s.kind() == SnapshotKind.HARM_PREDICTOR)
                .toList());
        predictor.setItemLabelGenerator(ModelSnapshot::name);
        predictor.setClearButtonVisible(true);
        predictor.setHelperText("Empty: train one from the base model on the rated red-team data");
        campaign.setId("pipeline-harm-campaign");
        campaign.setItems(campaigns.stream().filter(c -> c.ratedAttempts() > 0).toList());
        campaign.setItemLabelGenerator(c -> c.name() + " (" + c.ratedAttempts() + " rated)");
        campaign.setClearButtonVisible(true);
        campaign.setHelperText("Ratings of a red-team campaign (optional)");
        imported.setId("pipeline-harm-import");
        imported.setItems(imports);
        imported.setItemLabelGenerator(i -> i.fileName() + " (" + i.records() + " attempts)");
        imported.setClearButtonVisible(true);
        imported.setHelperText("Imported rated attempts (optional; one of the two is needed)");
        prompts.setId("pipeline-harm-prompts");
        prompts.setItems(
                sets.stream().filter(s -> s.kind() == PromptSetKind.RED_TEAM).toList());
        prompts.setItemLabelGenerator(s -> s.name() + " (" + s.promptCount() + " prompts)");
        prompts.setHelperText("Prompts no stage trains on");
        promptCount.setId("pipeline-harm-prompt-count");
        samples.setId("pipeline-harm-samples");
        predictor.addValueChangeListener(e -> showFields());
        measure.addValueChangeListener(e -> showFields());
        showFields();
    }

    List<Component> components() {
        return List.of(measure, predictor, campaign, imported, prompts, promptCount, samples);
    }

    private void showFields() {
        boolean on = measure.getValue();
        for (Component c : List.of(predictor, prompts, promptCount, samples)) {
            c.setVisible(on);
        }
        campaign.setVisible(on && predictor.isEmpty());
        imported.setVisible(on && predictor.isEmpty());
    }

    /** The stages to add ({@code harm-train} unless an existing predictor is chosen, then {@code harm-eval}). */
    List<String> stages() {
        if (!measure.getValue()) {
            return List.of();
        }
        return predictor.isEmpty()
                ? List.of(PipelineParameters.HARM_TRAIN_STAGE, PipelineParameters.HARM_EVAL_STAGE)
                : List.of(PipelineParameters.HARM_EVAL_STAGE);
    }

    /** The harm settings added to the pipeline's configuration; the form's choices are recorded by id. */
    RunConfig applyTo(RunConfig config) {
        if (!measure.getValue()) {
            return config;
        }
        if (prompts.isEmpty()) {
            throw new RunException("Choose the held-out red-team prompts for the harm measurement.");
        }
        String train = PipelineParameters.HARM_TRAIN_STAGE + ".";
        String eval = PipelineParameters.HARM_EVAL_STAGE + ".";
        RunConfig out = config.withParameter(
                        PipelineParameters.HARM_PROMPT_SET,
                        String.valueOf(prompts.getValue().id()))
                .withParameter(eval + "prompts", String.valueOf(PipelinesView.value(promptCount)))
                .withParameter(eval + "samples", String.valueOf(PipelinesView.value(samples)));
        if (!predictor.isEmpty()) {
            return out.withParameter(
                    PipelineParameters.HARM_PREDICTOR,
                    String.valueOf(predictor.getValue().id()));
        }
        if (campaign.isEmpty() && imported.isEmpty()) {
            throw new RunException("Choose rated red-team data for the harm predictor (a campaign with ratings or "
                    + "imported attempts), or an existing harm predictor.");
        }
        return out.withParameter(
                        train + "campaign",
                        campaign.isEmpty()
                                ? "none"
                                : String.valueOf(campaign.getValue().id()))
                .withParameter(
                        train + "redTeamImport",
                        imported.isEmpty()
                                ? "none"
                                : String.valueOf(imported.getValue().id()));
    }
}
