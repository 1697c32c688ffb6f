package org.cailab.training;

import java.util.ArrayList;
import java.util.List;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunItem;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.rating.StudentT;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads preference-model scoring runs for the dashboard's chart 5: the runs, and a run's mean score per revision
 * round with its 95% Student t interval, computed from the stored batch outputs (so a partly done run shows what it
 * has scored so far, and the numbers can always be recomputed from the items).
 */
@Service
@Transactional(readOnly = true)
public class PmScoreService {

    /** How far back {@link #runs} looks among the newest runs of every type. */
    static final int RUNS_SCANNED = 500;

    private static final int PAGE = 500;

    private final RunService runs;
    private final JsonMapper json;

    PmScoreService(RunService runs, JsonMapper json) {
        this.runs = runs;
        this.json = json;
    }

    /** The run type of scoring runs. */
    public static String runType() {
        return PmScoreStage.TYPE;
    }

    /** The scoring runs among the {@value #RUNS_SCANNED} newest runs, newest first. */
    @PreAuthorize(PreferenceModelService.READERS)
    public List<PmScoreRun> runs() {
        List<PmScoreRun> out = new ArrayList<>();
        for (RunSummary summary : runs.findRecent(RUNS_SCANNED)) {
            if (summary.run().type().equals(PmScoreStage.TYPE)) {
                out.add(describe(summary.run()));
            }
        }
        return out;
    }

    /**
     * The mean PM score per round (0 = initial responses) over the chains scored so far, rounds in order.
     *
     * @throws RunException when there is no such run or it is not a scoring run
     */
    @PreAuthorize(PreferenceModelService.READERS)
    public List<PmRoundScore> rounds(RunId runId) {
        scoringRun(runId);
        return summarize(chainScores(runId));
    }

    /** Every chain's scores as stored by the run's finished batches, in chain order. */
    @PreAuthorize(PreferenceModelService.READERS)
    public List<PmChainScore> chainScores(RunId runId) {
        scoringRun(runId);
        List<PmChainScore> out = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<RunItem> page = runs.outputs(runId, null, offset, PAGE);
            for (RunItem item : page) {
                if (item.output() != null) {
                    json.treeToValue(item.output(), PmScoreStage.BatchScores.class)
                            .chains()
                            .forEach(out::add);
                }
            }
            if (page.size() < PAGE) {
                return out;
            }
        }
    }

    @PreAuthorize(PreferenceModelService.READERS)
    public PmScoreRun run(RunId runId) {
        return describe(scoringRun(runId));
    }

    /** Per-round count, mean, sample sd and t interval of chains' scores (a chain may have fewer rounds). */
    static List<PmRoundScore> summarize(List<PmChainScore> chains) {
        int rounds = chains.stream().mapToInt(c -> c.scores().size()).max().orElse(0);
        List<PmRoundScore> out = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            int n = 0;
            int truncated = 0;
            double sum = 0;
            for (PmChainScore c : chains) {
                if (round < c.scores().size()) {
                    n++;
                    sum += c.scores().get(round);
                    truncated += c.truncated().get(round) ? 1 : 0;
                }
            }
            double mean = sum / n;
            double squares = 0;
            for (PmChainScore c : chains) {
                if (round < c.scores().size()) {
                    double d = c.scores().get(round) - mean;
                    squares += d * d;
                }
            }
            double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
            double[] ci = StudentT.meanInterval95(n, mean, sd);
            out.add(new PmRoundScore(
                    round, n, truncated, mean, sd, ci == null ? null : ci[0], ci == null ? null : ci[1]));
        }
        return out;
    }

    private Run scoringRun(RunId runId) {
        Run run = runs.find(runId)
                .map(RunSummary::run)
                .orElseThrow(() -> new RunException("There is no run " + runId + "."));
        if (!run.type().equals(PmScoreStage.TYPE)) {
            throw new RunException("Run " + runId + " is not a preference-model scoring run.");
        }
        return run;
    }

    private static PmScoreRun describe(Run run) {
        PmScoreParameters p = PmScoreParameters.of(run.config());
        return new PmScoreRun(
                run.id().value(),
                run.name(),
                p.slCaiRun(),
                p.slCaiRunName(),
                p.preferenceModelName(),
                run.state().label(),
                run.state() == RunState.FINISHED);
    }
}
