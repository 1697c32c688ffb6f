package org.cailab.experiment.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.ConstitutionVersionInfo;
import org.cailab.experiment.PipelineParameters;
import org.cailab.experiment.PipelineService;
import org.cailab.feedback.PairImport;
import org.cailab.feedback.PairTask;
import org.cailab.feedback.PreferencePairService;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunSummary;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetId;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.redteam.RedTeamCampaignService;
import org.cailab.redteam.RedTeamDataService;
import org.cailab.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * Researcher page: start the whole pipeline (or a constitution experiment: the same pipeline for two constitution
 * versions) with its key settings, and follow the pipeline runs.
 */
@Route("pipelines")
@PageTitle("Whole pipeline | Constitutional AI Lab")
@Menu(title = "Whole pipeline", order = 215)
@RolesAllowed(Role.RESEARCHER_ROLE)
class PipelinesView extends VerticalLayout {

    private final PipelineService pipelines;
    private final Grid<RunSummary> grid = new Grid<>();
    private final TextField name = new TextField("Name");
    private final ComboBox<ConstitutionVersionInfo> constitution = new ComboBox<>("Constitution version");
    private final Checkbox compare = new Checkbox("Compare constitutions");
    private final ComboBox<ConstitutionVersionInfo> second = new ComboBox<>("Second constitution version");
    private final TextField experiment = new TextField("Experiment name");
    private final ComboBox<ModelSnapshot> base = new ComboBox<>("Base model");
    private final ComboBox<ModelSnapshot> feedback = new ComboBox<>("Feedback model");
    private final ComboBox<PromptSet> redTeam = new ComboBox<>("Red-team prompt set");
    private final ComboBox<PromptSet> helpful = new ComboBox<>("Helpfulness prompt set");
    private final MultiSelectComboBox<PairImport> helpfulPairs = new MultiSelectComboBox<>("Human helpfulness pairs");
    private final NumberField share = new NumberField("Harmlessness share of the PM data");
    private final IntegerField rounds = integer("Critique-revision rounds", 1, 1, 16, "SL-CAI rounds");
    private final IntegerField maxTokens =
            integer("Max new tokens", 48, 1, 4096, "Per sampled response, in every stage");
    private final IntegerField seed =
            integer("Seed", 1, 0, Integer.MAX_VALUE, "Same seed, same samples and data order");
    private final IntegerField slEpochs = integer("SL epochs", 1, 1, 100, "Passes over the SL-CAI data");
    private final IntegerField pmEpochs = integer("PM epochs", 1, 1, 100, "Passes over the preference pairs");
    private final IntegerField rlSteps = integer("RL steps", 4, 1, 100_000, "PPO rollout batches");
    private final IntegerField promptsPerStep = integer("RL prompts per step", 4, 1, 1024, "Prompts per rollout batch");
    private final IntegerField snapshotEvery =
            integer("RL-CAI snapshot every", 2, 1, 100_000, "Steps between registered RL-CAI snapshots");
    private final Checkbox campaigns = new Checkbox("Create comparison campaigns at the end", true);
    private final Checkbox demoTuned = new Checkbox("Demo-tuned training");
    private final Map<String, Checkbox> optional = new LinkedHashMap<>();
    private final HarmFields harm;
    private @Nullable Registration polling;

    PipelinesView(
            PipelineService pipelines,
            ConstitutionService constitutions,
            ModelService models,
            PromptSetService promptSets,
            PreferencePairService pairs,
            RedTeamCampaignService redTeamCampaigns,
            RedTeamDataService redTeamData) {
        this.pipelines = pipelines;
        setWidthFull();
        name.setId("pipeline-name");
        name.setRequired(true);
        name.setMaxLength(150);
        name.setHelperText("Child runs are named after it");
        List<ConstitutionVersionInfo> versions = constitutions.constitutions().stream()
                .flatMap(c -> constitutions.versions(c.id()).stream())
                .sorted(Comparator.comparing((ConstitutionVersionInfo v) -> v.active() ? 0 : 1)
                        .thenComparing(ConstitutionVersionInfo::constitutionName)
                        .thenComparing(ConstitutionVersionInfo::number, Comparator.reverseOrder()))
                .toList();
        for (ComboBox<ConstitutionVersionInfo> box : List.of(constitution, second)) {
            box.setItems(versions);
            box.setItemLabelGenerator(v -> v.constitutionName() + " v" + v.number() + (v.active() ? " (active)" : ""));
        }
        constitution.setId("pipeline-constitution");
        second.setId("pipeline-second-constitution");
        versions.stream().filter(ConstitutionVersionInfo::active).findFirst().ifPresent(constitution::setValue);
        compare.setId("pipeline-compare");
        compare.setTooltipText("Start the same pipeline, with the same seed, for two constitution versions");
        second.setVisible(false);
        experiment.setVisible(false);
        experiment.setId("pipeline-experiment");
        experiment.setMaxLength(80);
        experiment.setHelperText("Both pipelines and their snapshots are labelled with it and their version");
        compare.addValueChangeListener(e -> {
            second.setVisible(e.getValue());
            experiment.setVisible(e.getValue());
            name.setVisible(!e.getValue());
        });

        List<ModelSnapshot> snapshots = models.snapshots().stream()
                .filter(s -> s.kind() != SnapshotKind.PREFERENCE_MODEL && s.kind() != SnapshotKind.HARM_PREDICTOR)
                .toList();
        for (ComboBox<ModelSnapshot> box : List.of(base, feedback)) {
            box.setItems(snapshots);
            box.setItemLabelGenerator(s ->
                    s.name() + " (" + s.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")");
        }
        base.setId("pipeline-base");
        feedback.setId("pipeline-feedback");
        feedback.setHelperText("Labels pairs and is the preference model's base; empty: the base model");
        demoTuned.setId("pipeline-demo-tuned");
        demoTuned.setHelperText(
                "For the demo models: 96 tokens, 4 SL and PM epochs at learning rate 5e-4 in batches of "
                        + "8, 16 RL steps of 8 prompts at 1e-4 (measured to move them; see the README). Off for real checkpoints");
        demoTuned.addValueChangeListener(e -> applyDemoTuning(e.getValue()));
        base.addValueChangeListener(e -> demoTuned.setValue(DemoTuning.isDemo(e.getValue())));
        snapshots.stream()
                .filter(s -> s.name().equals("demo-final"))
                .findFirst()
                .ifPresent(base::setValue);

        List<PromptSet> sets = promptSets.findAll();
        redTeam.setItems(
                sets.stream().filter(s -> s.kind() == PromptSetKind.RED_TEAM).toList());
        helpful.setItems(
                sets.stream().filter(s -> s.kind() == PromptSetKind.HELPFULNESS).toList());
        for (ComboBox<PromptSet> box : List.of(redTeam, helpful)) {
            box.setItemLabelGenerator(s -> s.name() + " (" + s.promptCount() + " prompts)");
        }
        redTeam.setId("pipeline-red-team");
        helpful.setId("pipeline-helpful");
        helpful.setHelperText("Optional: SL-CAI helpfulness samples and RL prompts");
        helpfulPairs.setItems(pairs.imports().stream()
                .filter(i -> i.task() == PairTask.HELPFULNESS)
                .toList());
        helpfulPairs.setItemLabelGenerator(i -> i.name() + " (" + i.pairCount() + " pairs)");
        helpfulPairs.setHelperText("Imported human comparisons mixed into the preference model");
        helpfulPairs.setId("pipeline-helpful-pairs");
        share.setMin(0);
        share.setMax(1);
        share.setStep(0.05);
        share.setValue(0.5);
        share.setHelperText("The rest are the chosen helpfulness pairs (1 when none are chosen)");
        campaigns.setId("pipeline-campaigns");
        maxTokens.setId("pipeline-max-tokens");
        rlSteps.setId("pipeline-rl-steps");
        promptsPerStep.setId("pipeline-prompts-per-step");
        snapshotEvery.setId("pipeline-snapshot-every");
        harm = new HarmFields(models.snapshots(), redTeamCampaigns.campaigns(), redTeamData.imports(), sets);
        pipelines.optionalStages().forEach((key, label) -> {
            // the harm stages have their own fields
            if (!key.equals(PipelineParameters.HARM_TRAIN_STAGE) && !key.equals(PipelineParameters.HARM_EVAL_STAGE)) {
                optional.put(key, new Checkbox(label, false));
            }
        });

        FormLayout form = new FormLayout(
                name,
                constitution,
                compare,
                second,
                experiment,
                base,
                feedback,
                redTeam,
                helpful,
                helpfulPairs,
                share,
                rounds,
                maxTokens,
                seed,
                slEpochs,
                pmEpochs,
                rlSteps,
                promptsPerStep,
                snapshotEvery,
                demoTuned,
                campaigns);
        optional.values().forEach(form::add);
        harm.components().forEach(form::add);
        form.setResponsiveSteps(
                new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 3));
        Button start = new Button("Start pipeline", e -> start());
        start.setId("pipeline-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("pipeline-grid");
        grid.addColumn(s -> s.run().id()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(
                        s -> new Anchor("pipelines/" + s.run().id(), s.run().name()))
                .setHeader("Pipeline")
                .setAutoWidth(true)
                .setFlexGrow(2);
        grid.addColumn(s -> s.run().config().parameter(PipelineParameters.CONSTITUTION_LABEL, ""))
                .setHeader("Constitution")
                .setAutoWidth(true);
        grid.addColumn(s -> s.run().config().parameter(PipelineParameters.EXPERIMENT, ""))
                .setHeader("Experiment")
                .setAutoWidth(true);
        grid.addComponentColumn(s -> PipelineFormat.badge(s.run().state()))
                .setHeader("State")
                .setAutoWidth(true);
        grid.addComponentColumn(s -> PipelineFormat.bar(s.progress().fraction()))
                .setHeader("Stages")
                .setAutoWidth(true);
        grid.addColumn(s -> s.progress().done() + " of " + s.progress().total())
                .setHeader("Done")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);

        add(
                new H2("Whole pipeline"),
                new Paragraph("SL-CAI critique and revision, SL finetuning, response pairs, "
                        + "AI feedback labels, the preference model and RL-CAI, each as an ordinary run, then optionally "
                        + "comparison campaigns over the base, SL-CAI and RL-CAI models. The defaults are small: the demo "
                        + "models go through in minutes. Other settings of each stage take that stage's defaults."),
                form,
                start,
                new H3("Pipeline runs"),
                grid);
        refresh();
    }

    /** Sets the visible fields to the demo-tuned values, or back to the form's defaults. */
    private void applyDemoTuning(boolean on) {
        maxTokens.setValue(on ? DemoTuning.MAX_TOKENS : 48);
        slEpochs.setValue(on ? DemoTuning.EPOCHS : 1);
        pmEpochs.setValue(on ? DemoTuning.EPOCHS : 1);
        rlSteps.setValue(on ? DemoTuning.RL_STEPS : 4);
        promptsPerStep.setValue(on ? DemoTuning.PROMPTS_PER_STEP : 4);
        snapshotEvery.setValue(on ? DemoTuning.SNAPSHOT_EVERY : 2);
    }

    static IntegerField integer(String label, int value, int min, int max, String helper) {
        IntegerField field = new IntegerField(label);
        field.setMin(min);
        field.setMax(max);
        field.setValue(value);
        field.setStepButtonsVisible(true);
        field.setHelperText(helper);
        return field;
    }

    private void start() {
        try {
            if (constitution.isEmpty() || base.isEmpty() || redTeam.isEmpty()) {
                throw new RunException("Choose a constitution version, a base model and a red-team prompt set.");
            }
            List<String> models =
                    new ArrayList<>(List.of(String.valueOf(base.getValue().id())));
            if (!feedback.isEmpty()) {
                models.add(String.valueOf(feedback.getValue().id()));
            }
            String runName = compare.getValue() ? "experiment" : name.getValue();
            RunConfig config = RunConfig.of(PipelineService.RUN_TYPE, runName.isBlank() ? " " : runName)
                    .withPromptSet(PromptSetId.of(redTeam.getValue().id()))
                    .withConstitution(
                            ConstitutionChoice.of(constitution.getValue().id()))
                    .withModelSnapshots(models)
                    .withSampling(new RunConfig.Sampling(1.0, 1.0, value(maxTokens)))
                    .withSeed(value(seed))
                    .withParameter(
                            PipelineParameters.HELPFUL_PAIRS,
                            helpfulPairs.getValue().stream()
                                    .map(i -> String.valueOf(i.id()))
                                    .collect(Collectors.joining(",")))
                    .withParameter(
                            PipelineParameters.HARMLESS_SHARE,
                            String.valueOf(share.getValue() == null ? 0.5 : share.getValue()))
                    .withParameter(PipelineParameters.ROUNDS, String.valueOf(value(rounds)))
                    .withParameter(PipelineParameters.SL_EPOCHS, String.valueOf(value(slEpochs)))
                    .withParameter(PipelineParameters.PM_EPOCHS, String.valueOf(value(pmEpochs)))
                    .withParameter(PipelineParameters.RL_STEPS, String.valueOf(value(rlSteps)))
                    .withParameter(PipelineParameters.PROMPTS_PER_STEP, String.valueOf(value(promptsPerStep)))
                    .withParameter(PipelineParameters.SNAPSHOT_EVERY, String.valueOf(value(snapshotEvery)))
                    .withParameter(PipelineParameters.CAMPAIGNS, String.valueOf(campaigns.getValue()))
                    .withParameter(
                            PipelineParameters.EXTRA_STAGES,
                            java.util.stream.Stream.concat(
                                            optional.entrySet().stream()
                                                    .filter(e -> e.getValue().getValue())
                                                    .map(Map.Entry::getKey),
                                            harm.stages().stream())
                                    .collect(Collectors.joining(",")));
            config = harm.applyTo(config);
            if (demoTuned.getValue()) {
                config = DemoTuning.applyTo(config);
            }
            if (!helpful.isEmpty()) {
                config = config.withParameter(
                        PipelineParameters.HELPFUL_PROMPT_SET,
                        String.valueOf(helpful.getValue().id()));
            }
            List<Run> started;
            if (compare.getValue()) {
                if (second.isEmpty()) {
                    throw new RunException("Choose the second constitution version to compare with.");
                }
                started = pipelines.compareConstitutions(
                        experiment.getValue(),
                        config,
                        constitution.getValue().id(),
                        second.getValue().id());
            } else {
                started = List.of(pipelines.start(config));
            }
            Notification.show(
                            "Started "
                                    + started.stream()
                                            .map(r -> "pipeline " + r.id())
                                            .collect(Collectors.joining(" and "))
                                    + ".",
                            3000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            UI.getCurrent().navigate("pipelines/" + started.getFirst().id());
        } catch (RunException | IllegalArgumentException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    static int value(IntegerField field) {
        if (field.getValue() == null || field.isInvalid()) {
            throw new RunException(field.getLabel() + " needs a whole number between " + field.getMin() + " and "
                    + field.getMax() + ".");
        }
        return field.getValue();
    }

    private void refresh() {
        grid.setItems(pipelines.pipelines(100));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(2000);
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }
}
