package org.cailab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.db.jooq.Tables.PIPELINE_STAGE;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.cailab.constitution.ConstitutionService;
import org.cailab.feedback.PreferencePairService;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.support.IntegrationTest;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the pipeline integration tests share: the services a pipeline needs, its inputs on the tiny model
 * ({@link #inputs}), and waiting for a stage's child run. Signed in as an admin (each test class says so with
 * {@code @WithMockUser}).
 */
abstract class PipelineFixture extends IntegrationTest {

    /** The stages every pipeline runs, in order (then the optional ones, then "campaigns" unless switched off). */
    static final List<String> TRAINING_STAGES =
            List.of("sl-cai", "sl-finetune", "response-pairs", "ai-feedback", "pm-train", "rl-cai");

    @Autowired
    PipelineService pipelines;

    @Autowired
    RunService runs;

    @Autowired
    ModelRegistry registry;

    @Autowired
    ConstitutionService constitutions;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    PreferencePairService pairs;

    @Autowired
    DSLContext dsl;

    /**
     * A pipeline's inputs: the tiny base model, a new constitution (its version 1), a red-team prompt set and imported
     * helpfulness pairs.
     *
     * @param base    the registered base model ({@link SlCaiTestData#MODEL})
     * @param version the constitution version's id
     */
    record Inputs(ModelSnapshot base, long version, PromptSet redTeam, long helpful) {

        /** {@link PipelineTestData#config} on these inputs. */
        RunConfig config(String name) {
            return PipelineTestData.config(name, redTeam, version, helpful);
        }
    }

    Inputs inputs(String constitution, int redTeamPrompts) throws Exception {
        ModelSnapshot base = SlCaiTestData.model(registry);
        long version = PipelineTestData.constitution(constitutions, constitution);
        PromptSet redTeam = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, redTeamPrompts);
        long helpful = PipelineTestData.helpfulPairs(pairs);
        return new Inputs(base, version, redTeam, helpful);
    }

    /** {@link #TRAINING_STAGES} followed by {@code more}. */
    static List<String> stages(String... more) {
        return Stream.concat(TRAINING_STAGES.stream(), Stream.of(more)).toList();
    }

    /**
     * Waits until the stage's latest attempt has a child run and returns its id; fails at once when the pipeline
     * paused or ended before that.
     */
    RunId awaitChild(RunId pipelineId, String stage, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Long child = dsl.select(PIPELINE_STAGE.CHILD_RUN_ID)
                    .from(PIPELINE_STAGE)
                    .where(PIPELINE_STAGE.PIPELINE_RUN_ID.eq(pipelineId.value()), PIPELINE_STAGE.STAGE_KEY.eq(stage))
                    .orderBy(PIPELINE_STAGE.ATTEMPT.desc())
                    .limit(1)
                    .fetchOne(PIPELINE_STAGE.CHILD_RUN_ID);
            if (child != null) {
                return new RunId(child);
            }
            assertThat(runs.find(pipelineId).orElseThrow().run().state())
                    .as(String.valueOf(runs.log(pipelineId, 20)))
                    .isNotIn(RunState.PAUSED, RunState.FINISHED, RunState.FAILED);
            Thread.sleep(20);
        }
        throw new AssertionError("stage " + stage + " did not start: " + runs.log(pipelineId, 20));
    }
}
