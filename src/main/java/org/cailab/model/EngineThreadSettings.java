package org.cailab.model;

import org.cailab.model.engine.EngineThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sets PyTorch's CPU thread counts at start-up from {@code cailab.models.intra-op-threads} (inference; 0: the
 * available processors, and one thread for serving a model under 50M parameters, see
 * {@link EngineThreads#inferenceThreadsFor}), {@code cailab.models.training-intra-op-threads} (training and RL runs,
 * default 1) and {@code cailab.models.inter-op-threads}, so that every instance of the app trains with the same ones
 * and a run resumed by another instance repeats the same float sums (docs/decisions/0150-cross-process-determinism.md).
 */
@Component
class EngineThreadSettings {

    private static final Logger log = LoggerFactory.getLogger(EngineThreadSettings.class);

    EngineThreadSettings(
            @Value("${cailab.models.intra-op-threads:0}") int intraOp,
            @Value("${cailab.models.training-intra-op-threads:1}") int trainingIntraOp,
            @Value("${cailab.models.inter-op-threads:1}") int interOp) {
        int count = EngineThreads.configure(intraOp, trainingIntraOp, interOp);
        log.info(
                "PyTorch CPU threads: intra-op {} for inference ({} for serving models under {}M parameters), {} for"
                        + " training (MKL dynamic threads off), inter-op {}",
                count,
                EngineThreads.inferenceThreadsFor(0),
                EngineThreads.SMALL_MODEL_PARAMETERS / 1_000_000,
                EngineThreads.trainingIntraOp(),
                ai.djl.pytorch.jni.JniUtils.getNumInteropThreads());
    }
}
