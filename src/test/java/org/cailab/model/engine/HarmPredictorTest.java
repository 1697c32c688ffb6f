package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.cailab.dialogue.Conversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The harm predictor's L2 loss and Spearman correlation against independent computations, and a fit on a tiny model. */
@ExtendWith(SingleTorchThread.class)
class HarmPredictorTest {

    /** Words that set the rating of a synthetic conversation: the i-th word means rating i. */
    private static final String[] RATING_WORDS = {"calm", "mild", "rude", "mean", "evil"};

    @TempDir
    Path dir;

    @Test
    void spearmanEqualsScipysValueAndARankCountingComputationWithTies() {
        // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]).statistic (the example of its documentation)
        assertThat(RankCorrelation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7}))
                .isCloseTo(0.8207826816681233, Offset.offset(1e-12));
        assertThat(RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}))
                .isCloseTo(-1, Offset.offset(1e-12));
        assertThat(RankCorrelation.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3}))
                .isNaN();
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + random.nextInt(40);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(5); // ratings 0-4: many ties
                y[i] = random.nextBoolean() ? random.nextInt(4) : random.nextGaussian();
            }
            double expected = pearsonOfCountedRanks(x, y);
            double got = RankCorrelation.spearman(x, y);
            if (Double.isNaN(expected)) {
                assertThat(got).isNaN();
            } else {
                assertThat(got).as("trial %d", trial).isCloseTo(expected, Offset.offset(1e-12));
            }
        }
    }

    /** Rank of x_i = #{x_j < x_i} + (#{x_j == x_i} + 1) / 2, then the textbook Pearson formula. */
    private static double pearsonOfCountedRanks(double[] x, double[] y) {
        double[] rx = countedRanks(x);
        double[] ry = countedRanks(y);
        int n = x.length;
        double sumX = 0;
        double sumY = 0;
        double sumXy = 0;
        double sumXx = 0;
        double sumYy = 0;
        for (int i = 0; i < n; i++) {
            sumX += rx[i];
            sumY += ry[i];
            sumXy += rx[i] * ry[i];
            sumXx += rx[i] * rx[i];
            sumYy += ry[i] * ry[i];
        }
        double denominator = Math.sqrt(n * sumXx - sumX * sumX) * Math.sqrt(n * sumYy - sumY * sumY);
        return denominator < 1e-9 ? Double.NaN : (n * sumXy - sumX * sumY) / denominator;
    }

    private static double[] countedRanks(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int less = 0;
            int equal = 0;
            for (double w : v) {
                less += w < v[i] ? 1 : 0;
                equal += w == v[i] ? 1 : 0;
            }
            r[i] = less + (equal + 1) / 2.0;
        }
        return r;
    }

    @Test
    void aTrainingStepReportsTheMeanSquaredErrorOfThePredictions() {
        LlamaConfig config = TestModels.llamaGqa();
        Random random = new Random(5);
        List<RatingExample> batch = new ArrayList<>();
        double[] ratings = {0, 4, 2, 3, 1};
        for (double rating : ratings) {
            batch.add(
                    new RatingExample(TestModels.randomIds(random, 3 + random.nextInt(5), config.vocabSize()), rating));
        }
        float[] head = new float[config.hiddenSize()];
        for (int i = 0; i < head.length; i++) {
            head[i] = (float) (random.nextGaussian() * 0.5);
        }
        try (PreferenceModel pm =
                        PreferenceModel.fromTensors(config, TinyModels.randomTensors(config, 3), head, Device.cpu());
                Trainer trainer = new Trainer(
                        pm,
                        TrainingConfig.builder()
                                .setTotalSteps(1)
                                .optMicroBatchSize(2)
                                .build())) {
            float[] predicted =
                    pm.scoreIds(batch.stream().map(RatingExample::ids).toList(), 3);
            double expected = 0;
            for (int i = 0; i < ratings.length; i++) {
                expected += (predicted[i] - ratings[i]) * (predicted[i] - ratings[i]);
            }
            expected /= ratings.length;
            RegressionLoss.RegressionEvaluation before = RegressionLoss.evaluate(pm, batch, 4);
            assertThat(before.mse()).isCloseTo(expected, Offset.offset(1e-4));
            TrainStepResult step = trainer.step(batch, RegressionLoss.of(pm));
            assertThat(step.loss()).isCloseTo(expected, Offset.offset(1e-4));
            assertThat(RegressionLoss.evaluate(pm, batch, 4).mse()).isNotEqualTo(before.mse());
        }
    }

    @Test
    void fitsRatingsSetByAWordInTheAnswerWithHeldOutSpearmanAbove08() throws IOException {
        Path base = dir.resolve("base");
        TinyLmFixture.create(base, TestModels.llamaGqa(), 17);
        try (PreferenceModel pm = PreferenceModel.initialize(base, Device.cpu(), 1)) {
            List<RatingExample> all = synthetic(pm, 300, new Random(1));
            DataOrder.Split<RatingExample> split = DataOrder.split(all, 0.2, 4);
            DataOrder order = new DataOrder(split.train().size(), 8, 5, 4);
            try (Trainer trainer = new Trainer(
                    pm,
                    TrainingConfig.builder()
                            .setTotalSteps(order.totalSteps())
                            .optLearningRate(2e-3)
                            .optWarmupSteps(10)
                            .optMicroBatchSize(8)
                            .build())) {
                List<TrainingLoop.Evaluation> evaluations = new ArrayList<>();
                TrainingLoop.Outcome outcome = TrainingLoop.harmPredictor(
                                new TrainingLoop.Settings(order, 0, 0), pm, 16)
                        .run(
                                trainer,
                                split.train(),
                                split.heldOut(),
                                new CheckpointStore(dir.resolve("ckpt")),
                                null,
                                new TrainingLoop.Listener() {
                                    @Override
                                    public void evaluated(int step, TrainingLoop.Evaluation e) {
                                        evaluations.add(e);
                                    }
                                },
                                () -> false);
                assertThat(outcome).isEqualTo(TrainingLoop.Outcome.FINISHED);
                TrainingLoop.Evaluation first = evaluations.getFirst();
                TrainingLoop.Evaluation last = evaluations.getLast();
                assertThat(last.rankCorrelation())
                        .as("held-out Spearman (before training %.3f)", first.rankCorrelation())
                        .isGreaterThan(0.8);
                assertThat(last.loss()).isLessThan(first.loss());
                // the loop's held-out numbers are those of the predictions, computed independently
                double[] predicted =
                        RegressionLoss.predict(pm, split.heldOut(), 16); // the loop's batches: same padding
                double[] ratings = split.heldOut().stream()
                        .mapToDouble(RatingExample::rating)
                        .toArray();
                double mse = 0;
                for (int i = 0; i < ratings.length; i++) {
                    mse += (predicted[i] - ratings[i]) * (predicted[i] - ratings[i]) / ratings.length;
                }
                assertThat(last.loss()).isCloseTo(mse, Offset.offset(1e-4));
                assertThat(last.rankCorrelation())
                        .isCloseTo(pearsonOfCountedRanks(predicted, ratings), Offset.offset(1e-6));
            }
        }
    }

    /** Conversations whose answer carries one of {@link #RATING_WORDS}; the rating is that word's index. */
    static List<RatingExample> synthetic(PreferenceModel pm, int n, Random random) {
        String[] subjects = {"the cat", "my dog", "a robot", "the teacher"};
        String[] objects = {"the house", "a book", "small boxes", "the garden"};
        List<RatingExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int rating = random.nextInt(RATING_WORDS.length);
            String s = subjects[random.nextInt(subjects.length)];
            String o = objects[random.nextInt(objects.length)];
            String transcript = Conversation.singleTurnPrompt("What does " + s + " do?") + " It is "
                    + RATING_WORDS[rating] + " about " + o + ".";
            out.add(new RatingExample(pm.encode(transcript, ""), rating));
        }
        return out;
    }
}
