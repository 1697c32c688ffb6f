package org.cailab.rl;

import java.util.List;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * RL-CAI runs' live metrics and sample responses (researchers and admins), as the run page reads them; the stage
 * writes them through {@link RlRecorder}.
 */
@Service
@Transactional
public class RlService {

    /** The run type of RL-CAI runs. */
    public static final String RUN_TYPE = "rl-cai";

    static final String READERS = "hasAnyRole('RESEARCHER', 'ADMIN')";

    private final RlRepository repository;
    private final RunService runs;

    RlService(RlRepository repository, RunService runs) {
        this.repository = repository;
        this.runs = runs;
    }

    /**
     * An RL-CAI run and what it used.
     *
     * @throws RunException when there is no such run or it is not an RL-CAI run
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public RlRunInfo run(RunId runId) {
        Run run = runs.find(runId)
                .map(RunSummary::run)
                .orElseThrow(() -> new RunException("There is no run " + runId + "."));
        if (!run.type().equals(RUN_TYPE)) {
            throw new RunException("Run " + runId + " is not an RL-CAI run.");
        }
        return new RlRunInfo(
                run,
                RlParameters.of(run.config()),
                run.config().parameter(RlPlanner.POLICY_NAME, ""),
                run.config().parameter(RlPlanner.REWARD_NAME, ""));
    }

    /** The metrics of every step so far, in order. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<RlStepStats> steps(RunId runId) {
        return repository.steps(runId.value());
    }

    /** The sample responses of every registered snapshot, by step. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<RlSample> samples(RunId runId) {
        return repository.samples(runId.value());
    }
}
