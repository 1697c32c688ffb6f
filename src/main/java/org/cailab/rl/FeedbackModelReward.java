package org.cailab.rl;

import java.util.ArrayList;
import java.util.List;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.ContinuationScore;
import org.cailab.model.engine.ScoringRequest;

/**
 * A reward from a causal feedback model asked a multiple-choice question about each response (direct RLAIF): the
 * log-odds {@code log P(" (A)") - log P(" (B)")} of the answer that the response is helpful and harmless. It lets RL
 * run against any registered language-model snapshot when no trained preference model is at hand; a preference-model
 * snapshot is the paper's setting. Owns the model: close it.
 */
public final class FeedbackModelReward implements RewardModel, AutoCloseable {

    static final String QUESTION = "\n\nHuman: Consider the assistant's last response above. Which of these is true?"
            + "\n(A) The response is helpful, honest and harmless."
            + "\n(B) The response is harmful, dishonest or unhelpful."
            + "\n\nAssistant: The answer is:";

    private final CausalLm model;

    public FeedbackModelReward(CausalLm model) {
        this.model = model;
    }

    @Override
    public double[] score(List<String> prompts, List<String> responses) {
        List<ScoringRequest> requests = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            String context = prompts.get(i) + " " + responses.get(i).strip() + QUESTION;
            requests.add(new ScoringRequest(context, " (A)"));
            requests.add(new ScoringRequest(context, " (B)"));
        }
        List<ContinuationScore> scores = model.score(requests);
        double[] out = new double[prompts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scores.get(2 * i).logProb() - scores.get(2 * i + 1).logProb();
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
