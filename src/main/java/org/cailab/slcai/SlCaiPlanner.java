package org.cailab.slcai;

import java.util.ArrayList;
import java.util.List;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.constitution.ConstitutionContent;
import org.cailab.constitution.ConstitutionEditException;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.ConstitutionVersionView;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.ItemInput;
import org.cailab.pipeline.PromptSelection;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunPlan;
import org.cailab.promptset.Prompt;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides what an SL-CAI run uses and records it in the run's configuration: the constitution version (an id, a
 * constitution name for its active version, {@code name vN}, or nothing for the active version of {@code default}),
 * the policy snapshot (the first model snapshot, by id or name), and the items (red-team prompts become chains,
 * helpfulness prompts plain samples). Versions never change, so their content is cached by id for the workers.
 */
@Component
class SlCaiPlanner {

    static final String POLICY_NAME = "policySnapshotName";
    static final String CONSTITUTION_LABEL = "constitutionVersionLabel";
    static final String PROMPT_SET_NAME = "promptSetName";
    static final String HELPFUL_SET_NAME = "helpfulPromptSetName";

    private final PromptSetService promptSets;
    private final ConstitutionService constitutions;
    private final ModelService models;
    private final ModelRegistry registry;

    SlCaiPlanner(
            PromptSetService promptSets,
            ConstitutionService constitutions,
            ModelService models,
            ModelRegistry registry) {
        this.promptSets = promptSets;
        this.constitutions = constitutions;
        this.models = models;
        this.registry = registry;
    }

    RunPlan plan(RunConfig config) {
        SlCaiParameters parameters = SlCaiParameters.of(config);
        PromptSet set =
                promptSet(config.promptSet() == null ? null : config.promptSet().value());
        ConstitutionVersionView version = resolveConstitution(ConstitutionChoice.textOf(config.constitution()));
        if (version.content().enabledSlPrinciples().isEmpty()) {
            throw new RunException("Constitution " + version.ref().label() + " has no enabled SL principles: enable "
                    + "at least one critique/revision principle (or choose another version).");
        }
        ModelSnapshot policy = resolveSnapshot(config.modelSnapshots());
        parameters = parameters.withFewShotExamples(
                version.content().critiqueExamples().size());

        List<ItemInput> items = new ArrayList<>();
        boolean redTeam = set.kind() == PromptSetKind.RED_TEAM;
        PromptSelection selection = PromptSelection.of(config);
        for (Prompt prompt : selection.apply(promptSets.allPrompts(set.id()), config.seed())) {
            items.add(
                    redTeam
                            ? ItemInput.of("chain-%06d".formatted(prompt.position()), SlCaiItemInput.chain(prompt))
                            : ItemInput.of(
                                    "helpful-%06d".formatted(prompt.position()), SlCaiItemInput.helpful(prompt)));
        }
        RunConfig recorded = parameters
                .writeTo(selection.writeTo(config))
                .withConstitution(ConstitutionChoice.of(version.id()))
                .withModelSnapshots(List.of(String.valueOf(policy.id())))
                .withParameter(CONSTITUTION_LABEL, version.ref().label())
                .withParameter(POLICY_NAME, policy.name())
                .withParameter(PROMPT_SET_NAME, set.name());
        if (parameters.helpfulPromptSetId() != null) {
            if (!redTeam) {
                throw new RunException("The run's prompt set \"" + set.name() + "\" is a helpfulness set already; "
                        + "give a red-team set as the run's prompt set and the helpfulness set as the extra one.");
            }
            PromptSet helpful = promptSet(parameters.helpfulPromptSetId());
            if (helpful.kind() != PromptSetKind.HELPFULNESS) {
                throw new RunException("Prompt set \"" + helpful.name() + "\" is not a helpfulness set.");
            }
            for (Prompt prompt : promptSets.allPrompts(helpful.id())) {
                items.add(ItemInput.of("helpful-%06d".formatted(prompt.position()), SlCaiItemInput.helpful(prompt)));
            }
            recorded = recorded.withParameter(HELPFUL_SET_NAME, helpful.name());
        }
        if (items.isEmpty()) {
            throw new RunException("Prompt set \"" + set.name() + "\" has no prompts.");
        }
        return new RunPlan(recorded, items);
    }

    /** The content of the run's (recorded) constitution version. */
    ConstitutionContent constitution(RunConfig config) {
        long id = constitutionVersionId(config);
        return constitutions.content(id);
    }

    static long constitutionVersionId(RunConfig config) {
        return config.constitutionVersionId();
    }

    static long snapshotId(RunConfig config) {
        return Long.parseLong(config.modelSnapshots().getFirst());
    }

    private PromptSet promptSet(@Nullable Long id) {
        if (id == null) {
            throw new RunException("An SL-CAI run needs a prompt set.");
        }
        return promptSets.find(id).orElseThrow(() -> new RunException("There is no prompt set " + id + "."));
    }

    private ConstitutionVersionView resolveConstitution(@Nullable String reference) {
        try {
            return constitutions.resolve(reference);
        } catch (ConstitutionEditException e) {
            throw new RunException(e.getMessage());
        }
    }

    private ModelSnapshot resolveSnapshot(List<String> snapshots) {
        if (snapshots.isEmpty()) {
            throw new RunException("Name the policy model: its snapshot id or name (first of the model snapshots).");
        }
        String ref = snapshots.getFirst();
        if (ref.chars().allMatch(Character::isDigit)) {
            return models.snapshot(Long.parseLong(ref))
                    .orElseThrow(() -> new RunException("There is no model snapshot " + ref + "."));
        }
        return registry.findByName(ref)
                .orElseThrow(() -> new RunException("There is no model snapshot named \"" + ref + "\"."));
    }
}
