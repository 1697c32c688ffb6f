package org.cailab.rl;

/**
 * The reward shaping and advantage estimates of RLHF, in plain Java over one response (or one batch) at a time:
 * per-token KL penalty plus the reward-model score on the last token, generalised advantage estimation, whitening and
 * the leave-one-out baseline.
 */
public final class Advantages {

    private Advantages() {}

    /**
     * Per-token rewards: {@code -beta * (logp - refLogp)} on every token, plus the score on the last one.
     *
     * @param logProbs the sampled tokens' log-probabilities under the policy that sampled them
     * @param refLogProbs the same tokens under the frozen reference
     */
    public static double[] tokenRewards(float[] logProbs, float[] refLogProbs, double beta, double score) {
        double[] rewards = new double[logProbs.length];
        for (int t = 0; t < rewards.length; t++) {
            rewards[t] = -beta * (logProbs[t] - refLogProbs[t]);
        }
        if (rewards.length > 0) {
            rewards[rewards.length - 1] += score;
        }
        return rewards;
    }

    /** The sampled-token estimate of KL(policy || reference) of one response: the sum of log-ratio over its tokens. */
    public static double sequenceKl(float[] logProbs, float[] refLogProbs) {
        double kl = 0;
        for (int t = 0; t < logProbs.length; t++) {
            kl += logProbs[t] - refLogProbs[t];
        }
        return kl;
    }

    /**
     * Generalised advantage estimation over one response; the value after the last token is 0 (the episode ends).
     * {@code delta_t = r_t + gamma V_{t+1} - V_t}, {@code A_t = delta_t + gamma lambda A_{t+1}}.
     */
    public static double[] gae(double[] rewards, float[] values, double gamma, double lambda) {
        double[] advantages = new double[rewards.length];
        double next = 0;
        double running = 0;
        for (int t = rewards.length - 1; t >= 0; t--) {
            double delta = rewards[t] + gamma * next - values[t];
            running = delta + gamma * lambda * running;
            advantages[t] = running;
            next = values[t];
        }
        return advantages;
    }

    /** Normalizes all entries of all rows together to mean 0, standard deviation 1 (in place); unchanged if flat. */
    public static void whiten(double[][] rows) {
        double sum = 0;
        long n = 0;
        for (double[] row : rows) {
            for (double v : row) {
                sum += v;
                n++;
            }
        }
        if (n < 2) {
            return;
        }
        double mean = sum / n;
        double squares = 0;
        for (double[] row : rows) {
            for (double v : row) {
                squares += (v - mean) * (v - mean);
            }
        }
        double std = Math.sqrt(squares / (n - 1));
        for (double[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (row[i] - mean) / (std + 1e-8);
            }
        }
    }

    /**
     * REINFORCE leave-one-out: rewards in groups of {@code k} consecutive entries (the samples of one prompt); each
     * advantage is the reward minus the mean of the other {@code k - 1} in its group.
     */
    public static double[] leaveOneOut(double[] rewards, int k) {
        if (k < 2 || rewards.length % k != 0) {
            throw new IllegalArgumentException(rewards.length + " rewards do not form groups of " + k + " >= 2");
        }
        double[] advantages = new double[rewards.length];
        for (int g = 0; g < rewards.length; g += k) {
            double total = 0;
            for (int i = g; i < g + k; i++) {
                total += rewards[i];
            }
            for (int i = g; i < g + k; i++) {
                advantages[i] = rewards[i] - (total - rewards[i]) / (k - 1);
            }
        }
        return advantages;
    }
}
