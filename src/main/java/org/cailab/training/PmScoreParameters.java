package org.cailab.training;

import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.StageParameters;

/**
 * The parameters of a recorded {@code pm-score} run, parsed once: the SL-CAI run it scores and the preference model
 * that scores, as planning fixed them (ids, with their names for people).
 */
record PmScoreParameters(
        long slCaiRun, String slCaiRunName, long preferenceModel, String preferenceModelName, int maxLength) {

    static PmScoreParameters of(RunConfig config) {
        StageParameters p = StageParameters.of(config);
        return new PmScoreParameters(
                p.id(PmScoreStage.SL_CAI_RUN),
                p.text(PmScoreStage.SL_CAI_RUN_NAME),
                p.id(PmScoreStage.PREFERENCE_MODEL),
                p.text(PmScoreStage.PREFERENCE_MODEL_NAME),
                p.integer(PmScoreStage.MAX_LENGTH, 1024));
    }
}
