package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;

/**
 * The soft-label Bradley-Terry loss of a preference model, {@code -(p log sigmoid(rA - rB) + (1 - p) log sigmoid(rB -
 * rA))} per pair, averaged over the step's batch, and its held-out evaluation.
 */
public final class PreferenceLoss {

    private PreferenceLoss() {}

    /**
     * Per-pair losses. {@code log sigmoid(x) = -(max(-x, 0) + log(1 + exp(-|x|)))}, which neither overflows nor loses
     * precision for large {@code |x|}.
     *
     * @param rA rewards of the A sequences, {@code [B]}
     * @param rB rewards of the B sequences, {@code [B]}
     * @param p probabilities that A is better, {@code [B]}
     * @return {@code [B]}
     */
    public static NDArray pairLosses(NDArray rA, NDArray rB, NDArray p) {
        NDArray d = rA.sub(rB);
        return p.mul(logSigmoid(d))
                .add(p.neg().add(1f).mul(logSigmoid(d.neg())))
                .neg();
    }

    private static NDArray logSigmoid(NDArray x) {
        // not maximum(0f): autograd keeps the operand (TorchMemory.scalar); add(1f) is safe, add keeps no operand
        NDArray softplusOfMinusX = x.neg()
                .maximum(TorchMemory.scalar(x.getManager(), 0))
                .add(x.abs().neg().exp().add(1f).log());
        return softplusOfMinusX.neg();
    }

    /** The loss to train {@code model} with {@link Trainer#step(List, MicroBatchLoss)}: each micro-batch's share. */
    public static MicroBatchLoss<PreferenceExample> of(PreferenceModel model) {
        return (backbone, micro, batch) ->
                sumOver(model, micro).div(TorchMemory.scalar(backbone.manager(), batch.size()));
    }

    /** The summed loss of pairs: A and B sequences go through the model as one batch. */
    private static NDArray sumOver(PreferenceModel model, List<PreferenceExample> pairs) {
        int n = pairs.size();
        List<long[]> sequences = new ArrayList<>(2 * n);
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            sequences.add(pairs.get(i).a());
            p[i] = (float) pairs.get(i).probabilityA();
        }
        pairs.forEach(pair -> sequences.add(pair.b()));
        NDArray rewards = model.rewards(sequences);
        NDArray rA = rewards.get("0:" + n);
        NDArray rB = rewards.get(n + ":");
        return pairLosses(rA, rB, model.backbone().manager().create(p)).sum();
    }

    /**
     * The mean loss and the accuracy of the model on pairs, without gradients. Accuracy counts pairs with a
     * preference ({@code p != 0.5}) whose higher reward is on the preferred side; a tie in reward counts as wrong.
     */
    public static PreferenceEvaluation evaluate(PreferenceModel model, List<PreferenceExample> pairs, int batchSize) {
        double loss = 0;
        int decided = 0;
        int correct = 0;
        try (GradMode.Restore grad = GradMode.set(false)) {
            for (int start = 0; start < pairs.size(); start += batchSize) {
                List<PreferenceExample> micro = pairs.subList(start, Math.min(pairs.size(), start + batchSize));
                float[] rewards;
                try (NDScope ignored = new NDScope()) {
                    List<long[]> sequences = new ArrayList<>();
                    micro.forEach(e -> sequences.add(e.a()));
                    micro.forEach(e -> sequences.add(e.b()));
                    rewards = model.rewards(sequences).toFloatArray();
                }
                for (int i = 0; i < micro.size(); i++) {
                    double p = micro.get(i).probabilityA();
                    double d = (double) rewards[i] - rewards[micro.size() + i];
                    loss += -(p * logSigmoid(d) + (1 - p) * logSigmoid(-d));
                    if (p != 0.5) {
                        decided++;
                        correct += (p > 0.5 ? d > 0 : d < 0) ? 1 : 0;
                    }
                }
            }
        }
        return new PreferenceEvaluation(
                pairs.isEmpty() ? Double.NaN : loss / pairs.size(),
                decided == 0 ? Double.NaN : (double) correct / decided,
                decided);
    }

    private static double logSigmoid(double x) {
        return -(Math.max(-x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
    }

    /**
     * Held-out quality of a preference model.
     *
     * @param loss mean soft-label Bradley-Terry loss per pair
     * @param accuracy the fraction of pairs with a preference that the model orders correctly (NaN without any)
     * @param decidedPairs pairs with {@code p != 0.5}
     */
    public record PreferenceEvaluation(double loss, double accuracy, int decidedPairs) {}
}
