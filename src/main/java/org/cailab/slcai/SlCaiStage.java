package org.cailab.slcai;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.cailab.constitution.ConstitutionContent;
import org.cailab.constitution.PromptFormats;
import org.cailab.model.GenerationResult;
import org.cailab.model.ModelService;
import org.cailab.model.SamplingSettings;
import org.cailab.pipeline.ItemInput;
import org.cailab.pipeline.ItemResult;
import org.cailab.pipeline.RouteTarget;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunContext;
import org.cailab.pipeline.RunInput;
import org.cailab.pipeline.RunLink;
import org.cailab.pipeline.RunParameter;
import org.cailab.pipeline.RunPlan;
import org.cailab.pipeline.RunStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Run type {@code sl-cai}: the supervised phase of Constitutional AI. One item per prompt: a red-team prompt becomes
 * a {@link CritiqueRevisionChain}, a helpfulness prompt {@link HelpfulSamples}. The planning (what the run uses and
 * records) is {@link SlCaiPlanner}'s; this class samples.
 *
 * <p>Items are independent, so throughput comes from several workers whose requests the engine batches together
 * (the default is four workers); the samples of a helpfulness prompt go to the engine as one batch.
 */
@Component
class SlCaiStage implements RunStage {

    private static final Logger log = LoggerFactory.getLogger(SlCaiStage.class);

    private final SlCaiPlanner planner;
    private final ModelService models;

    SlCaiStage(SlCaiPlanner planner, ModelService models) {
        this.planner = planner;
        this.models = models;
    }

    @Override
    public String type() {
        return SlCaiService.RUN_TYPE;
    }

    @Override
    public String label() {
        return "SL-CAI critique and revision";
    }

    @Override
    public String description() {
        return "Samples responses to red-team prompts from the policy and has it critique and revise them under "
                + "constitution principles, each round revising the previous revision (the paper's layout); samples "
                + "helpfulness prompts directly. Produces the SL-CAI-n dataset: every revision up to round n.";
    }

    @Override
    public List<RunInput> inputs() {
        return List.of(RunInput.PROMPT_SET, RunInput.CONSTITUTION_VERSION, RunInput.snapshot("Policy model"));
    }

    @Override
    public List<RunParameter> parameters() {
        return SlCaiParameters.FORM;
    }

    @Override
    public RunConfig.Execution defaultExecution() {
        return new RunConfig.Execution(4, 3, 5);
    }

    @Override
    public String itemsLabel() {
        return "chains";
    }

    @Override
    public List<RunLink> links(Run run) {
        RouteTarget.Download api = RouteTarget.Download.of("api/runs/" + run.id() + "/sl-dataset");
        return List.of(
                new RunLink("Browse chains", RouteTarget.Page.ofRun("runs/:runId/chains", run.id())),
                // the API's defaults: SL-CAI-n at the run's last round, samples cut at the token limit left out
                new RunLink("SL-CAI-n data (messages)", api.withQuery("format", SlDatasetFormat.MESSAGES.parameter())),
                new RunLink(
                        "SL-CAI-n data (prompt/completion)",
                        api.withQuery("format", SlDatasetFormat.PROMPT_COMPLETION.parameter())),
                new RunLink(
                        "SL-CAI-n data (cai-conversation)",
                        api.withQuery("format", SlDatasetFormat.CAI_CONVERSATION.parameter())));
    }

    @Override
    public RunPlan plan(RunConfig config) {
        return planner.plan(config);
    }

    @Override
    public ItemResult process(RunContext context, ItemInput item) throws Exception {
        RunConfig config = context.config();
        SlCaiParameters parameters = SlCaiParameters.ofRecorded(config);
        SlCaiItemInput prompt = item.as(SlCaiItemInput.class);
        long snapshotId = SlCaiPlanner.snapshotId(config);
        ConstitutionContent constitution = planner.constitution(config);
        int fewShots = parameters.fewShotExamples() == null
                ? constitution.critiqueExamples().size()
                : Math.min(
                        parameters.fewShotExamples(),
                        constitution.critiqueExamples().size());
        SlCaiGeneration generation = new SlCaiGeneration(
                snapshotId,
                config.parameter(SlCaiPlanner.POLICY_NAME, ""),
                SlCaiPlanner.constitutionVersionId(config),
                config.parameter(SlCaiPlanner.CONSTITUTION_LABEL, ""),
                fewShots,
                config.sampling().temperature(),
                config.sampling().topP(),
                config.sampling().maxNewTokens(),
                PromptFormats.CRITIQUE_REVISION_STOPS);
        SamplingSettings sampling = new SamplingSettings(
                        config.sampling().temperature(),
                        config.sampling().topP(),
                        0,
                        config.sampling().maxNewTokens(),
                        PromptFormats.CRITIQUE_REVISION_STOPS,
                        null)
                .pipeline("run-" + context.runId());
        long seed = Seeds.item(config.seed(), item.key());
        log.debug(
                "sl-cai run {} processing {} on {} attempt {}",
                context.runId(),
                item.key(),
                context.worker(),
                context.attempt());
        SlCaiSample sample;
        if (HelpfulSamples.KIND.equals(prompt.kind())) {
            sample = ChainSampler.helpful(
                    prompt,
                    parameters.samplesPerHelpfulPrompt(),
                    seed,
                    generation,
                    (text, count, s) ->
                            models
                                    .generateAll(snapshotId, Collections.nCopies(count, text), sampling.withSeed(s))
                                    .stream()
                                    .map(SlCaiStage::sampled)
                                    .toList());
        } else {
            ChainSampler.Settings settings = new ChainSampler.Settings(
                    constitution.enabledSlPrinciples(),
                    constitution.critiqueExamples().subList(0, fewShots),
                    parameters.rounds(),
                    parameters.directRevision(),
                    parameters.layout());
            sample = ChainSampler.chain(
                    prompt, settings, seed, generation, (text, s) -> generate(snapshotId, text, sampling.withSeed(s)));
        }
        return new ItemResult(SlCaiJson.write(sample));
    }

    private Sampled generate(long snapshotId, String prompt, SamplingSettings settings) throws Exception {
        try {
            return sampled(
                    models.generate(snapshotId, prompt, settings, text -> {}).join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * The text and whether it ran into the token limit. Backends name that finish reason differently (the local
     * engine {@code max_tokens}, OpenAI-compatible servers {@code length}).
     */
    static Sampled sampled(GenerationResult result) {
        String reason = result.finishReason().toLowerCase(java.util.Locale.ROOT);
        return new Sampled(result.text(), reason.equals("length") || reason.equals("max_tokens"));
    }
}
