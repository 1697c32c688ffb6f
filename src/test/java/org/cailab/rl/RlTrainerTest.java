package org.cailab.rl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.PreferenceModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PPO and RLOO on a tiny random policy against a tiny judge LM's log-probabilities (all real models). */
class RlTrainerTest {

    @TempDir
    static Path dir;

    static Path policyDir;
    static CausalLm judge;

    @BeforeAll
    static void models() throws IOException {
        RlFixture.singleThread();
        policyDir = dir.resolve("policy");
        RlFixture.randomModel(policyDir, 1);
        Path judgeDir = dir.resolve("judge");
        RlFixture.trainedJudge(judgeDir);
        judge = RlFixture.loadJudge(judgeDir);
    }

    @AfterAll
    static void close() {
        judge.close();
    }

    static RlSettings settings(RlAlgorithm algorithm, int samples, double targetKl) {
        return new RlSettings(
                algorithm,
                new RlSettings.Rollout(4, samples, 8, 1.0),
                new RlSettings.Optimizer(2, 4, 4, 3e-3, 0, 1.0),
                RlSettings.Objective.defaults(),
                new RlSettings.KlPenalty(0.05, targetKl, 100, 20),
                7);
    }

    private static List<RlStepStats> train(RlTrainer trainer, int steps, long promptSeed) {
        List<RlStepStats> stats = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            stats.add(
                    trainer.step(RlFixture.prompts(trainer.settings().rollout().promptsPerStep(), promptSeed + s)));
        }
        return stats;
    }

    private static double meanScore(List<RlStepStats> stats, int from, int to) {
        return stats.subList(from, to).stream()
                .mapToDouble(RlStepStats::meanScore)
                .average()
                .orElseThrow();
    }

    @Test
    void ppoRaisesTheRewardWhileKlStaysBounded() {
        RlSettings settings = settings(RlAlgorithm.PPO, 4, 0);
        try (RlTrainer trainer =
                RlTrainer.start(policyDir, policyDir, new RlFixture.JudgeReward(judge), settings, Device.cpu())) {
            List<RlStepStats> stats = train(trainer, 30, 100);
            stats.forEach(s -> System.out.printf(
                    "PPO step %d score %.3f kl %.3f entropy %.3f len %.1f clip %.3f vf %.4f%n",
                    s.step(),
                    s.meanScore(),
                    s.meanKl(),
                    s.entropy(),
                    s.meanResponseTokens(),
                    s.clipFraction(),
                    s.valueLoss()));
            assertThat(meanScore(stats, 25, 30)).isGreaterThan(meanScore(stats, 0, 5) + 0.5);
            assertThat(stats.stream().mapToDouble(RlStepStats::meanKl).max().orElseThrow())
                    .isLessThan(15);
            assertThat(stats.getLast().valueLoss()).isPositive();
            assertThat(trainer.promptsSeen()).isEqualTo(30L * settings.rollout().promptsPerStep());
        }
    }

    @Test
    void ppoAgainstATrainedPreferenceModelRaisesItsScore() throws IOException {
        Path pmDir = dir.resolve("pm");
        RlFixture.trainedPreferenceModel(pmDir);
        RlSettings settings = settings(RlAlgorithm.PPO, 4, 0);
        try (PreferenceModelReward reward = new PreferenceModelReward(PreferenceModel.load(pmDir));
                RlTrainer trainer = RlTrainer.start(policyDir, policyDir, reward, settings, Device.cpu())) {
            List<RlStepStats> stats = train(trainer, 30, 100);
            stats.forEach(s -> System.out.printf(
                    "PPO/PM step %d score %.3f kl %.3f entropy %.3f clip %.3f%n",
                    s.step(), s.meanScore(), s.meanKl(), s.entropy(), s.clipFraction()));
            assertThat(meanScore(stats, 25, 30)).isGreaterThan(meanScore(stats, 0, 5) + 0.5);
            assertThat(stats.stream().mapToDouble(RlStepStats::meanKl).max().orElseThrow())
                    .isLessThan(15);
        }
    }

    @Test
    void rlooRaisesTheRewardWhileKlStaysBounded() {
        RlSettings settings = settings(RlAlgorithm.RLOO, 4, 0);
        try (RlTrainer trainer =
                RlTrainer.start(policyDir, policyDir, new RlFixture.JudgeReward(judge), settings, Device.cpu())) {
            List<RlStepStats> stats = train(trainer, 30, 100);
            stats.forEach(s -> System.out.printf(
                    "RLOO step %d score %.3f kl %.3f entropy %.3f len %.1f clip %.3f%n",
                    s.step(), s.meanScore(), s.meanKl(), s.entropy(), s.meanResponseTokens(), s.clipFraction()));
            assertThat(meanScore(stats, 25, 30)).isGreaterThan(meanScore(stats, 0, 5) + 0.5);
            assertThat(stats.stream().mapToDouble(RlStepStats::meanKl).max().orElseThrow())
                    .isLessThan(15);
            assertThat(stats.getLast().valueLoss()).isZero();
        }
    }

    @Test
    void resumedRunReachesTheSameWeightsAsAnUninterruptedOne() throws IOException {
        RlSettings settings = settings(RlAlgorithm.PPO, 1, 2.0);
        RewardModel reward = new RlFixture.JudgeReward(judge);
        Map<String, float[]> uninterrupted;
        double klAfter;
        try (RlTrainer trainer = RlTrainer.start(policyDir, policyDir, reward, settings, Device.cpu())) {
            train(trainer, 4, 500);
            uninterrupted = weights(trainer);
            klAfter = trainer.klCoefficient();
            trainer.saveCheckpoint(dir.resolve("uninterrupted"));
        }
        Path checkpoint = dir.resolve("checkpoint");
        try (RlTrainer trainer = RlTrainer.start(policyDir, policyDir, reward, settings, Device.cpu())) {
            train(trainer, 2, 500);
            trainer.saveCheckpoint(checkpoint);
            train(trainer, 1, 502); // work after the checkpoint that a crash loses
        }
        try (RlTrainer trainer = RlTrainer.resume(checkpoint, policyDir, reward, settings, Device.cpu())) {
            assertThat(trainer.step()).isEqualTo(2);
            assertThat(trainer.promptsSeen()).isEqualTo(2L * settings.rollout().promptsPerStep());
            train(trainer, 2, 502);
            assertThat(trainer.klCoefficient()).isEqualTo(klAfter);
            assertThat(klAfter).isNotEqualTo(settings.kl().coefficient());
            Map<String, float[]> resumed = weights(trainer);
            assertThat(resumed.keySet()).isEqualTo(uninterrupted.keySet());
            resumed.forEach((name, values) -> assertThat(values).as(name).containsExactly(uninterrupted.get(name)));
            Path again = dir.resolve("resumed");
            trainer.saveCheckpoint(again);
            assertThat(again.resolve(RlTrainer.VALUE_HEAD_FILE))
                    .hasSameBinaryContentAs(dir.resolve("uninterrupted").resolve(RlTrainer.VALUE_HEAD_FILE));
            assertThat(again.resolve(RlTrainer.OPTIMIZER_FILE))
                    .hasSameBinaryContentAs(dir.resolve("uninterrupted").resolve(RlTrainer.OPTIMIZER_FILE));
        }
    }

    private static Map<String, float[]> weights(RlTrainer trainer) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : trainer.policyModel().parameters().entrySet()) {
            out.put(e.getKey(), e.getValue().toFloatArray());
        }
        return out;
    }
}
