package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;

/**
 * The L2 loss of a harm predictor (the paper's section 4.5): a scalar-head model ({@link PreferenceModel}) regresses
 * the rating of a conversation, loss {@code (r - y)^2} per example averaged over the step's batch; held-out MSE and
 * Spearman rank correlation of predictions against ratings.
 */
public final class RegressionLoss {

    private RegressionLoss() {}

    /** The loss to train {@code model} with {@link Trainer#step(List, MicroBatchLoss)}: each micro-batch's share. */
    public static MicroBatchLoss<RatingExample> of(PreferenceModel model) {
        return (backbone, micro, batch) -> {
            List<long[]> ids = new ArrayList<>(micro.size());
            float[] ratings = new float[micro.size()];
            for (int i = 0; i < micro.size(); i++) {
                ids.add(micro.get(i).ids());
                ratings[i] = (float) micro.get(i).rating();
            }
            NDArray error = model.rewards(ids).sub(backbone.manager().create(ratings));
            return error.square()
                    .sum()
                    .div(TorchMemory.scalar(backbone.manager(), batch.size())); // not div(float): TorchMemory.scalar
        };
    }

    /** Predictions of the model for examples, without gradients. */
    public static double[] predict(PreferenceModel model, List<RatingExample> examples, int batchSize) {
        double[] out = new double[examples.size()];
        try (GradMode.Restore grad = GradMode.set(false)) {
            for (int start = 0; start < examples.size(); start += batchSize) {
                List<RatingExample> micro = examples.subList(start, Math.min(examples.size(), start + batchSize));
                try (NDScope ignored = new NDScope()) {
                    float[] r = model.rewards(
                                    micro.stream().map(RatingExample::ids).toList())
                            .toFloatArray();
                    for (int i = 0; i < r.length; i++) {
                        out[start + i] = r[i];
                    }
                }
            }
        }
        return out;
    }

    /** Mean squared error and Spearman correlation of the model's predictions on examples. */
    public static RegressionEvaluation evaluate(PreferenceModel model, List<RatingExample> examples, int batchSize) {
        double[] predicted = predict(model, examples, batchSize);
        double[] ratings = examples.stream().mapToDouble(RatingExample::rating).toArray();
        return RegressionEvaluation.of(predicted, ratings);
    }

    /**
     * Held-out quality of a harm predictor.
     *
     * @param mse      mean of {@code (prediction - rating)^2} (NaN without examples)
     * @param spearman Spearman rank correlation of predictions and ratings (NaN with fewer than 2 or constant sides)
     */
    public record RegressionEvaluation(double mse, double spearman, int examples) {

        public static RegressionEvaluation of(double[] predicted, double[] ratings) {
            double sum = 0;
            for (int i = 0; i < predicted.length; i++) {
                sum += (predicted[i] - ratings[i]) * (predicted[i] - ratings[i]);
            }
            return new RegressionEvaluation(
                    predicted.length == 0 ? Double.NaN : sum / predicted.length,
                    RankCorrelation.spearman(predicted, ratings),
                    predicted.length);
        }
    }
}
