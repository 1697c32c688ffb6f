package org.cailab.experiment;

import java.util.List;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetId;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Optional stage {@code harm-eval}: the paper's absolute harmfulness (section 4.5, Figure 10) of the pipeline's
 * models. The base model, the SL-CAI model and every RL-CAI snapshot of the RL stage answer the held-out red-team
 * prompts ({@value PipelineParameters#HARM_PROMPT_SET}) several times; the harm predictor of the {@code harm-train}
 * stage, or the existing one the researcher chose ({@value PipelineParameters#HARM_PREDICTOR}), scores every answer.
 * The numbers of prompts and samples are the child's own parameters {@code harm-eval.prompts} and
 * {@code harm-eval.samples}. The dashboards' chart 4 reads the result (predicted harm per snapshot and against step).
 */
@Component
@Order(20)
class HarmEvalExtension implements PipelineExtension {

    /** The bounds of the harm-eval run type's own parameters. */
    static final int MAX_PROMPTS = 100_000;

    static final int MAX_SAMPLES = 1024;

    private final ModelRegistry registry;
    private final PromptSetService promptSets;

    HarmEvalExtension(ModelRegistry registry, PromptSetService promptSets) {
        this.registry = registry;
        this.promptSets = promptSets;
    }

    @Override
    public String key() {
        return PipelineParameters.HARM_EVAL_STAGE;
    }

    @Override
    public String label() {
        return "Harm evaluation (predicted harm)";
    }

    @Override
    public void check(RunConfig pipeline) {
        heldOut(pipeline);
        boolean trains = PipelineParameters.extraStages(pipeline).contains(PipelineParameters.HARM_TRAIN_STAGE);
        String predictor =
                pipeline.parameter(PipelineParameters.HARM_PREDICTOR, "").strip();
        if (!trains && predictor.isEmpty()) {
            throw new RunException("The harm evaluation needs a harm predictor: train one in the pipeline (stage "
                    + PipelineParameters.HARM_TRAIN_STAGE + ") or choose an existing one.");
        }
        if (!predictor.isEmpty()) {
            predictor(predictor);
        }
        bounded(pipeline, "prompts", "Harm evaluation prompts", MAX_PROMPTS);
        bounded(pipeline, "samples", "Harm evaluation samples per prompt", MAX_SAMPLES);
    }

    @Override
    public RunConfig childConfig(RunConfig pipeline, PipelineOutputs outputs) {
        List<Long> trained = outputs.snapshotsOf(PipelineParameters.HARM_TRAIN_STAGE);
        ModelSnapshot predictor = trained.isEmpty()
                ? predictor(pipeline.parameter(PipelineParameters.HARM_PREDICTOR, ""))
                : registry.find(trained.getLast())
                        .orElseThrow(() -> new RunException("The trained harm predictor no longer exists."));
        Long sl = outputs.slCaiSnapshotId();
        Long rl = outputs.childRuns().get(PipelineStep.RL.key());
        if (sl == null || rl == null) {
            throw new RunException("The harm evaluation runs after the SL-CAI and RL-CAI stages succeeded.");
        }
        return RunConfig.of(PipelineParameters.HARM_EVAL_STAGE, ChildConfigs.name(pipeline, label()))
                .withPromptSet(PromptSetId.of(heldOut(pipeline).id()))
                .withSampling(pipeline.sampling())
                .withSeed(pipeline.seed())
                .withParameter("predictor", String.valueOf(predictor.id()))
                .withParameter("snapshot1", String.valueOf(outputs.baseSnapshotId()))
                .withParameter("snapshot2", String.valueOf(sl))
                // every RL-CAI snapshot of the RL stage: predicted harm against training step
                .withParameter("snapshotRuns", String.valueOf(rl));
    }

    private PromptSet heldOut(RunConfig pipeline) {
        String value =
                pipeline.parameter(PipelineParameters.HARM_PROMPT_SET, "").strip();
        if (value.isEmpty()) {
            throw new RunException("The harm evaluation needs a held-out red-team prompt set.");
        }
        PromptSet set;
        try {
            set = promptSets
                    .find(Long.parseLong(value))
                    .orElseThrow(() -> new RunException("There is no prompt set " + value + " (harm evaluation)."));
        } catch (NumberFormatException e) {
            throw new RunException("Choose the harm evaluation's prompt set from the list (was \"" + value + "\").");
        }
        if (set.kind() != PromptSetKind.RED_TEAM) {
            throw new RunException("The harm evaluation's prompt set \"" + set.name() + "\" is not a red-team set.");
        }
        return set;
    }

    private ModelSnapshot predictor(String ref) {
        String r = ref.strip();
        ModelSnapshot found = (r.chars().allMatch(Character::isDigit) && !r.isEmpty()
                        ? registry.find(Long.parseLong(r))
                        : registry.findByName(r))
                .orElseThrow(() -> new RunException("There is no harm predictor \"" + r + "\"."));
        if (found.kind() != SnapshotKind.HARM_PREDICTOR) {
            throw new RunException("\"" + found.name() + "\" is not a harm predictor (it is a " + found.kind() + ").");
        }
        return found;
    }

    private void bounded(RunConfig pipeline, String parameter, String label, int max) {
        String value = pipeline.parameter(key() + "." + parameter, "").strip();
        if (value.isEmpty()) {
            return; // the harm-eval run type's default
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > max) {
                throw new RunException(label + " must be between 1 and " + max + ", was " + n + ".");
            }
        } catch (NumberFormatException e) {
            throw new RunException(label + " must be a whole number, was \"" + value + "\".");
        }
    }
}
