package org.cailab.rl;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.PreferenceModel;
import org.springframework.stereotype.Component;

/**
 * Opens the reward of an RL run from its reward snapshot: a preference-model snapshot scores with its scalar head
 * ({@link PreferenceModelReward}, the paper's setting); any language-model snapshot is asked a multiple-choice
 * feedback question per response ({@link FeedbackModelReward}).
 */
@Component
class RewardModels {

    /** A reward that owns native memory. */
    interface OpenReward extends RewardModel, AutoCloseable {
        @Override
        void close();
    }

    OpenReward open(ModelSnapshot snapshot, Device device) {
        Path dir = Path.of(snapshot.location());
        if (snapshot.kind() == SnapshotKind.PREFERENCE_MODEL) {
            PreferenceModelReward reward = new PreferenceModelReward(PreferenceModel.load(dir, device));
            return wrap(reward, reward);
        }
        FeedbackModelReward reward = new FeedbackModelReward(CausalLm.load(dir, device));
        return wrap(reward, reward);
    }

    private static OpenReward wrap(RewardModel reward, AutoCloseable owner) {
        return new OpenReward() {
            @Override
            public double[] score(List<String> prompts, List<String> responses) {
                return reward.score(prompts, responses);
            }

            @Override
            public void close() {
                try {
                    owner.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing the reward model failed", e);
                }
            }
        };
    }
}
