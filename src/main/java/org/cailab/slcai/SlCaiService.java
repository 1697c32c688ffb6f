package org.cailab.slcai;

import java.util.ArrayList;
import java.util.List;
import org.cailab.constitution.ConstitutionContent;
import org.cailab.constitution.SlPrinciple;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunItem;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the chains and samples of SL-CAI runs (researchers and admins): the run's settings and the stored samples
 * in processing order, optionally only the chains that have a round under a given principle; and the SL-CAI-n
 * training examples of one or more runs ({@link #trainingExamples}), which SL finetuning runs train on.
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
    public SlCaiRunInfo run(RunId runId) {
        Run run = runs.find(runId)
                .map(RunSummary::run)
                .orElseThrow(() -> new RunException("There is no run " + runId + "."));
        if (!run.type().equals(RUN_TYPE)) {
            throw new RunException("Run " + runId + " is not an SL-CAI run.");
        }
        ConstitutionContent content = planner.constitution(run.config());
        return new SlCaiRunInfo(
                run,
                SlCaiParameters.ofRecorded(run.config()),
                SlCaiPlanner.constitutionVersionId(run.config()),
                run.config().parameter(SlCaiPlanner.CONSTITUTION_LABEL, ""),
                SlCaiPlanner.snapshotId(run.config()),
                run.config().parameter(SlCaiPlanner.POLICY_NAME, ""),
                content.enabledSlPrinciples().stream().map(SlPrinciple::key).toList());
    }

    /** A page of the run's stored samples in processing order; with a principle, only chains with a round under it. */
    @PreAuthorize(READERS)
    public List<StoredSample> samples(RunId runId, @Nullable String principleKey, int offset, int limit) {
        return runs.outputs(runId, filter(principleKey), offset, limit).stream()
                .map(item -> new StoredSample(item.seq(), item.key(), SlCaiJson.read(item.output())))
                .toList();
    }

    /** How many samples {@link #samples} finds. */
    @PreAuthorize(READERS)
    public int countSamples(RunId runId, @Nullable String principleKey) {
        return runs.countOutputs(runId, filter(principleKey));
    }

    /**
     * The paper's SL-CAI-{@code n} finetuning set of one or more SL-CAI runs, as (prompt text, completion text) pairs
     * for a language model: for every red-team chain the prompt with revision 1, the prompt with revision 2, ... up
     * to revision {@code round} ({@code round} examples per chain), mixed with every helpfulness sample, in the given
     * run order and each run's processing order. The prompt is the conversation in the paper's transcript format
     * ending in {@code "\n\nAssistant:"}; the completion is the response after one space, so the loss belongs on the
     * completion's tokens only.
     *
     * <p>Samples that stopped at the token limit are left out unless {@code includeTruncated}: they may end
     * mid-sentence, and training on them teaches the model to stop mid-sentence. {@code round} 0 gives the initial
     * responses (no revisions) with the helpfulness samples.
     *
     * <p>A finetuning run calls this once, when it starts, and keeps the result (or its hash) with its data order;
     * the runs must have ended (finished or cancelled) so that the set cannot change under it.
     *
     * @param runIds           SL-CAI runs, each at most once
     * @param round            n of SL-CAI-n: from 0 to every run's number of rounds
     * @param includeTruncated whether to keep samples that stopped at the token limit
     * @throws RunException when a run does not exist, is not an SL-CAI run, is still going, has fewer rounds than
     *                      {@code round}, or no run is given
     */
    @PreAuthorize(READERS)
    public List<SlTrainingExample> trainingExamples(List<Long> runIds, int round, boolean includeTruncated) {
        if (runIds.isEmpty()) {
            throw new RunException("Choose at least one SL-CAI run to train on.");
        }
        if (runIds.stream().distinct().count() != runIds.size()) {
            throw new RunException("Each SL-CAI run may be chosen once; the list repeats one: " + runIds + ".");
        }
        SlDatasetWriter.Selection selection =
                new SlDatasetWriter.Selection(round, SlDatasetRounds.ALL, includeTruncated);
        for (long runId : runIds) {
            SlCaiRunInfo info = run(new RunId(runId));
            if (!info.run().state().isTerminal()) {
                throw new RunException("SL-CAI run " + runId + " is "
                        + info.run().state().label().toLowerCase()
                        + "; train on it once it has finished (or been cancelled).");
            }
            if (round < 0 || round > info.parameters().rounds()) {
                throw new RunException("SL-CAI run " + runId + " has rounds 0 to "
                        + info.parameters().rounds() + ", not " + round + ".");
            }
        }
        List<SlTrainingExample> examples = new ArrayList<>();
        for (long runId : runIds) {
            for (int offset = 0; ; offset += SlCaiExportService.PAGE) {
                List<RunItem> page = runs.outputs(new RunId(runId), null, offset, SlCaiExportService.PAGE);
                for (RunItem item : page) {
                    for (SlDatasetWriter.Target target :
                            SlDatasetWriter.targets(SlCaiJson.read(item.output()), selection)) {
                        examples.add(new SlTrainingExample(
                                SlDatasetWriter.transcriptPrompt(
                                        target.example().conversation()),
                                SlDatasetWriter.completion(target.example().completion()),
                                runId,
                                item.key(),
                                target.round()));
                    }
                }
                if (page.size() < SlCaiExportService.PAGE) {
                    break;
                }
            }
        }
        return examples;
    }

    /**
     * A page of the run's red-team chains (helpfulness samples are skipped) with the prompt and the response after
     * every round, as a reward model scores them; pages follow the run's processing order over all stored samples,
     * so {@code offset} and {@code limit} count samples, not chains.
     */
    @PreAuthorize(READERS)
    public List<ChainResponses> chainResponses(RunId runId, int offset, int limit) {
        List<ChainResponses> out = new ArrayList<>();
        for (RunItem item : runs.outputs(runId, null, offset, limit)) {
            if (SlCaiJson.read(item.output()) instanceof CritiqueRevisionChain chain) {
                List<String> responses = new ArrayList<>();
                List<Boolean> truncated = new ArrayList<>();
                for (int round = 0; round <= chain.rounds().size(); round++) {
                    responses.add(SlDatasetWriter.completion(chain.response(round)));
                    truncated.add(chain.responseTruncated(round));
                }
                out.add(new ChainResponses(
                        item.key(), SlDatasetWriter.transcriptPrompt(chain.conversation()), responses, truncated));
            }
        }
        return out;
    }

    private static @Nullable JsonNode filter(@Nullable String principleKey) {
        if (principleKey == null) {
            return null;
        }
        ObjectNode pattern = JsonNodeFactory.instance.objectNode();
        pattern.put("kind", CritiqueRevisionChain.KIND);
        pattern.putArray("rounds").addObject().put("principleKey", principleKey);
        return pattern;
    }
}
