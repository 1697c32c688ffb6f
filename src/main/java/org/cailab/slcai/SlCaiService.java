package org.cailab.slcai;

import org.cailab.constitution.ConstitutionContent;
import org.cailab.constitution.SlPrinciple;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Reads the chains and samples of SL-CAI runs (researchers and admins): the run's settings and the stored samples
 * in processing order, optionally only the chains that have a round under a given principle.
 */
@Service
@Transactional(readOnly = true)
public class SlCaiService {

    /** The run type of SL-CAI runs. */
    public static final String RUN_TYPE = "sl-cai";
    static final String READERS = "hasAnyRole('RESEARCHER', 'ADMIN')";

    private final RunService runs;
    private final SlCaiPlanner planner;

    SlCaiService(RunService runs, SlCaiPlanner planner) {
        this.runs = runs;
        this.planner = planner;
    }

    /**
     * An SL-CAI run and what it used.
     *
     * @throws RunException when there is no such run or it is not an SL-CAI run
     */
    @PreAuthorize(READERS)
    public SlCaiRunInfo run(long runId) {
        Run run = runs.find(runId).map(RunSummary::run)
                .orElseThrow(() -> new RunException("There is no run " + runId + "."));
        if (!run.type().equals(RUN_TYPE)) {
            throw new RunException("Run " + runId + " is not an SL-CAI run.");
        }
        ConstitutionContent content = planner.constitution(run.config());
        return new SlCaiRunInfo(run, SlCaiParameters.of(run.config()), SlCaiPlanner.constitutionVersionId(run.config()),
                run.config().parameter(SlCaiPlanner.CONSTITUTION_LABEL, ""), SlCaiPlanner.snapshotId(run.config()),
                run.config().parameter(SlCaiPlanner.POLICY_NAME, ""),
                content.enabledSlPrinciples().stream().map(SlPrinciple::key).toList());
    }

    /** A page of the run's stored samples in processing order; with a principle, only chains with a round under it. */
    @PreAuthorize(READERS)
    public List<StoredSample> samples(long runId, @Nullable String principleKey, int offset, int limit) {
        return runs.outputs(runId, filter(principleKey), offset, limit).stream()
                .map(item -> new StoredSample(item.seq(), item.key(), SlCaiJson.read(item.output())))
                .toList();
    }

    /** How many samples {@link #samples} finds. */
    @PreAuthorize(READERS)
    public int countSamples(long runId, @Nullable String principleKey) {
        return runs.countOutputs(runId, filter(principleKey));
    }

    private static @Nullable JsonNode filter(@Nullable String principleKey) {
        if (principleKey == null) {
            return null;
        }
        ObjectNode pattern = JsonMapper.shared().createObjectNode();
        pattern.put("kind", CritiqueRevisionChain.KIND);
        pattern.putArray("rounds").addObject().put("principleKey", principleKey);
        return pattern;
    }
}
