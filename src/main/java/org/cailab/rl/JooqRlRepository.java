package org.cailab.rl;

import static org.cailab.db.jooq.Tables.RL_SAMPLE;
import static org.cailab.db.jooq.Tables.RL_STEP_METRIC;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class JooqRlRepository implements RlRepository {

    private final DSLContext dsl;

    JooqRlRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void upsertStep(long runId, RlStepStats s) {
        var m = RL_STEP_METRIC;
        dsl.insertInto(m)
                .set(m.RUN_ID, runId)
                .set(m.STEP, s.step())
                .set(m.PROMPTS_SEEN, s.promptsSeen())
                .set(m.MEAN_REWARD, s.meanScore())
                .set(m.KL, s.meanKl())
                .set(m.KL_COEFFICIENT, s.klCoefficient())
                .set(m.ENTROPY, s.entropy())
                .set(m.RESPONSE_TOKENS, s.meanResponseTokens())
                .set(m.CLIP_FRACTION, s.clipFraction())
                .set(m.POLICY_LOSS, s.policyLoss())
                .set(m.VALUE_LOSS, s.valueLoss())
                .set(m.ROLLOUT_SECONDS, s.rolloutSeconds())
                .set(m.UPDATE_SECONDS, s.updateSeconds())
                .onConflict(m.RUN_ID, m.STEP)
                .doUpdate()
                .set(m.PROMPTS_SEEN, s.promptsSeen())
                .set(m.MEAN_REWARD, s.meanScore())
                .set(m.KL, s.meanKl())
                .set(m.KL_COEFFICIENT, s.klCoefficient())
                .set(m.ENTROPY, s.entropy())
                .set(m.RESPONSE_TOKENS, s.meanResponseTokens())
                .set(m.CLIP_FRACTION, s.clipFraction())
                .set(m.POLICY_LOSS, s.policyLoss())
                .set(m.VALUE_LOSS, s.valueLoss())
                .set(m.ROLLOUT_SECONDS, s.rolloutSeconds())
                .set(m.UPDATE_SECONDS, s.updateSeconds())
                .execute();
    }

    @Override
    public List<RlStepStats> steps(long runId) {
        var m = RL_STEP_METRIC;
        return dsl.selectFrom(m)
                .where(m.RUN_ID.eq(runId))
                .orderBy(m.STEP)
                .fetch(r -> new RlStepStats(
                        r.getStep(),
                        r.getPromptsSeen(),
                        r.getMeanReward(),
                        r.getKl(),
                        r.getKlCoefficient(),
                        r.getEntropy(),
                        r.getResponseTokens(),
                        r.getClipFraction(),
                        r.getPolicyLoss(),
                        r.getValueLoss(),
                        r.getRolloutSeconds(),
                        r.getUpdateSeconds()));
    }

    @Override
    public void replaceSamples(long runId, long step, List<RlSample> samples) {
        var s = RL_SAMPLE;
        dsl.deleteFrom(s).where(s.RUN_ID.eq(runId).and(s.STEP.eq(step))).execute();
        for (RlSample sample : samples) {
            dsl.insertInto(s)
                    .set(s.RUN_ID, runId)
                    .set(s.STEP, step)
                    .set(s.POSITION, sample.position())
                    .set(s.SNAPSHOT_ID, sample.snapshotId())
                    .set(s.PROMPT, sample.prompt())
                    .set(s.RESPONSE, sample.response())
                    .set(s.REWARD, sample.reward())
                    .set(s.KL, sample.kl())
                    .execute();
        }
    }

    @Override
    public List<RlSample> samples(long runId) {
        var s = RL_SAMPLE;
        return dsl.selectFrom(s)
                .where(s.RUN_ID.eq(runId))
                .orderBy(s.STEP, s.POSITION)
                .fetch(r -> new RlSample(
                        r.getStep(),
                        r.getPosition(),
                        r.getSnapshotId(),
                        r.getPrompt(),
                        r.getResponse(),
                        r.getReward(),
                        r.getKl()));
    }
}
