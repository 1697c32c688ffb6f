package org.cailab.experiment;

import java.util.List;
import org.cailab.model.SnapshotKind;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Optional stage {@code harm-train}: a harm predictor (decision 0105) trained from the pipeline's base model on rated
 * red-team attempts. Which attempts is the researcher's choice, passed to the child as {@code harm-train.campaign}
 * and {@code harm-train.redTeamImport} (a campaign / an import by id or name, {@code all} or {@code none}). A pipeline
 * that evaluates harm with an existing predictor ({@value PipelineParameters#HARM_PREDICTOR}) leaves this stage out.
 */
@Component
@Order(10)
class HarmTrainExtension implements PipelineExtension {

    @Override
    public String key() {
        return PipelineParameters.HARM_TRAIN_STAGE;
    }

    @Override
    public String label() {
        return "Harm predictor training";
    }

    @Override
    public SnapshotKind produces() {
        return SnapshotKind.HARM_PREDICTOR;
    }

    @Override
    public void check(RunConfig pipeline) {
        if (!pipeline.parameter(PipelineParameters.HARM_PREDICTOR, "").isBlank()) {
            throw new RunException("Measure harm either with a harm predictor trained in the pipeline or with an "
                    + "existing one, not both: leave the existing harm predictor empty to train one.");
        }
        String campaign = pipeline.parameter(key() + ".campaign", "all").strip();
        String imports = pipeline.parameter(key() + ".redTeamImport", "all").strip();
        if (campaign.equalsIgnoreCase("none") && imports.equalsIgnoreCase("none")) {
            throw new RunException("The harm predictor needs rated red-team data: choose a red-team campaign with "
                    + "ratings or an imported attempts set.");
        }
    }

    @Override
    public RunConfig childConfig(RunConfig pipeline, PipelineOutputs outputs) {
        return RunConfig.of(PipelineParameters.HARM_TRAIN_STAGE, ChildConfigs.name(pipeline, label()))
                .withModelSnapshots(List.of(String.valueOf(outputs.baseSnapshotId())))
                .withSeed(pipeline.seed());
    }
}
