package org.cailab.experiment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.cailab.experiment.PipelineStep;
import org.cailab.pipeline.RunConfig;
import org.junit.jupiter.api.Test;

class DemoTuningTest {

    @Test
    void theDemoSettingsReachTheStagesThatTrain() {
        RunConfig config = DemoTuning.applyTo(RunConfig.of("pipeline", "p"));
        // the pipeline hands "<stage key>.<name>" parameters to that stage's child run
        assertThat(config.parameter(PipelineStep.SL_FINETUNE.key() + ".learningRate", ""))
                .isEqualTo("5e-4");
        assertThat(config.parameter(PipelineStep.SL_FINETUNE.key() + ".batchSize", ""))
                .isEqualTo("8");
        assertThat(config.parameter(PipelineStep.PREFERENCE_MODEL.key() + ".learningRate", ""))
                .isEqualTo("5e-4");
        assertThat(config.parameter(PipelineStep.PREFERENCE_MODEL.key() + ".batchSize", ""))
                .isEqualTo("8");
        assertThat(config.parameter(PipelineStep.RL.key() + ".learningRate", ""))
                .isEqualTo("1e-4");
    }
}
