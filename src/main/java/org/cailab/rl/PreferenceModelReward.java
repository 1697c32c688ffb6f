package org.cailab.rl;

import java.util.List;
import org.cailab.model.engine.PreferenceModel;

/** The paper's reward: a preference model's scalar score of each response after its prompt. Owns the model. */
public final class PreferenceModelReward implements RewardModel, AutoCloseable {

    private final PreferenceModel model;

    public PreferenceModelReward(PreferenceModel model) {
        this.model = model;
    }

    @Override
    public double[] score(List<String> prompts, List<String> responses) {
        float[] scores = model.score(prompts, responses);
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scores[i];
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
