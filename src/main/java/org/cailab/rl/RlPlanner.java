package org.cailab.rl;

import java.util.ArrayList;
import java.util.List;
import org.cailab.dialogue.Conversation;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.ItemInput;
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
 * Decides what an RL-CAI run uses and records it: the policy (first model snapshot), the reward model (second), the
 * red-team prompt set and an optional helpfulness set, and the items: one per segment of {@code snapshotEvery} steps,
 * each ending in a checkpoint and a registered snapshot. Segments depend on each other, so the run has one worker.
 */
@Component
class RlPlanner {

    static final String POLICY_NAME = "policySnapshotName";
    static final String REWARD_NAME = "rewardSnapshotName";
    static final String PROMPT_SET_NAME = "promptSetName";
    static final String HELPFUL_SET_NAME = "helpfulPromptSetName";

    /** An item: a 0-based segment covering the steps after {@code fromStep} up to {@code toStep}. */
    record Segment(int index, int fromStep, int toStep) {}

    private final PromptSetService promptSets;
    private final ModelService models;
    private final ModelRegistry registry;

    RlPlanner(PromptSetService promptSets, ModelService models, ModelRegistry registry) {
        this.promptSets = promptSets;
        this.models = models;
        this.registry = registry;
    }

    RunPlan plan(RunConfig config) {
        RlParameters parameters = RlParameters.of(config);
        if (config.promptSet() == null) {
            throw new RunException("An RL-CAI run needs a red-team prompt set.");
        }
        PromptSet set = promptSet(config.promptSet().value());
        if (config.modelSnapshots().size() < 2) {
            throw new RunException("Name two model snapshots: the policy to train (an SL-CAI snapshot) and the "
                    + "reward model (a preference model, or a language model asked for feedback).");
        }
        ModelSnapshot policy = snapshot(config.modelSnapshots().get(0));
        ModelSnapshot reward = snapshot(config.modelSnapshots().get(1));
        RunConfig recorded = config.withModelSnapshots(
                        List.of(String.valueOf(policy.id()), String.valueOf(reward.id())))
                .withExecution(new RunConfig.Execution(
                        1, config.execution().maxAttempts(), config.execution().retryDelaySeconds()))
                .withParameter(POLICY_NAME, policy.name())
                .withParameter(REWARD_NAME, reward.name())
                .withParameter(PROMPT_SET_NAME, set.name());
        if (parameters.helpfulPromptSetId() != null) {
            PromptSet helpful = promptSet(parameters.helpfulPromptSetId());
            if (helpful.kind() != PromptSetKind.HELPFULNESS) {
                throw new RunException("Prompt set \"" + helpful.name() + "\" is not a helpfulness set.");
            }
            recorded = recorded.withParameter(HELPFUL_SET_NAME, helpful.name());
        }
        mix(recorded, parameters); // fails now, not in a worker, when there are no prompts
        List<ItemInput> items = new ArrayList<>();
        for (int i = 0; i < parameters.segments(); i++) {
            items.add(ItemInput.of(
                    "segment-%05d".formatted(i + 1),
                    new Segment(i, i * parameters.snapshotEvery(), parameters.segmentEnd(i))));
        }
        return new RunPlan(recorded, items);
    }

    /** The run's prompt mix, formatted as Human/Assistant prompts. */
    PromptMix mix(RunConfig config, RlParameters parameters) {
        List<String> redTeam =
                prompts(config.promptSet() == null ? null : config.promptSet().value());
        List<String> helpful =
                parameters.helpfulPromptSetId() == null ? List.of() : prompts(parameters.helpfulPromptSetId());
        if (redTeam.isEmpty() && helpful.isEmpty()) {
            throw new RunException("The run's prompt sets have no prompts.");
        }
        return new PromptMix(redTeam, helpful, parameters.helpfulRatio(), config.seed());
    }

    private List<String> prompts(@Nullable Long setId) {
        if (setId == null) {
            return List.of();
        }
        return promptSets.allPrompts(setId).stream()
                .map(Prompt::lastHumanText)
                .map(Conversation::singleTurnPrompt)
                .toList();
    }

    ModelSnapshot snapshot(long id) {
        return models.snapshot(id).orElseThrow(() -> new RunException("There is no model snapshot " + id + "."));
    }

    private ModelSnapshot snapshot(String ref) {
        if (ref.chars().allMatch(Character::isDigit)) {
            return snapshot(Long.parseLong(ref));
        }
        return registry.findByName(ref)
                .orElseThrow(() -> new RunException("There is no model snapshot named \"" + ref + "\"."));
    }

    private PromptSet promptSet(long id) {
        return promptSets.find(id).orElseThrow(() -> new RunException("There is no prompt set " + id + "."));
    }
}
