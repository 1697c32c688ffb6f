package org.cailab.rl;

import ai.djl.Device;
import java.nio.file.Path;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.model.engine.CausalLm;
import org.cailab.pipeline.RunException;
import org.springframework.stereotype.Component;

/**
 * Opens the reward of an RL run from its reward snapshot. A language-model snapshot scores by multiple-choice
 * feedback ({@link FeedbackModelReward}). Preference-model snapshots (a scalar head) are scored through the
 * preference model's own API once it exists in the model module; until then such a snapshot is refused with a clear
 * message instead of being scored in some other way.
 */
@Component
class RewardModels {

    /** A reward that owns native memory. */
    interface OpenReward extends RewardModel, AutoCloseable {
        @Override
        void close();
    }

    OpenReward open(ModelSnapshot snapshot, Device device) {
        if (snapshot.kind() == SnapshotKind.PREFERENCE_MODEL) {
            throw new RunException("Snapshot \"" + snapshot.name() + "\" is a preference model; scoring with a "
                    + "scalar head is not available in this build yet. Choose a language-model snapshot as the "
                    + "feedback model.");
        }
        FeedbackModelReward reward = new FeedbackModelReward(CausalLm.load(Path.of(snapshot.location()), device));
        return new OpenReward() {
            @Override
            public double[] score(java.util.List<String> prompts, java.util.List<String> responses) {
                return reward.score(prompts, responses);
            }

            @Override
            public void close() {
                reward.close();
            }
        };
    }
}
