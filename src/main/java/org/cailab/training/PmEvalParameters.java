package org.cailab.training;

import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.StageParameters;

/** The parameters of a recorded {@code pm-eval} run, parsed once: the preference model and the evaluation set. */
record PmEvalParameters(long preferenceModel, String setName, long setId, int maxLength) {

    static PmEvalParameters of(RunConfig config) {
        StageParameters p = StageParameters.of(config);
        return new PmEvalParameters(
                p.id(PmEvalStage.PREFERENCE_MODEL),
                p.text(PmEvalStage.SET),
                p.id(PmEvalStage.SET_ID),
                p.integer(PmEvalStage.MAX_LENGTH, 1024));
    }
}
