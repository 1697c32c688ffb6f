package org.cailab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.db.jooq.Tables.PIPELINE_RUN;
import static org.cailab.db.jooq.Tables.PIPELINE_STAGE;

import java.time.Duration;
import java.util.List;
import org.cailab.db.EmbeddedPostgresServer;
import org.cailab.pipeline.ChildApp;
import org.cailab.pipeline.LocalPipeline;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunState;
import org.cailab.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The app is killed with {@code kill -9} while a pipeline waits for a stage's child run; another instance takes the
 * pipeline over, follows the same child and goes on to the next stage. Asserted on the database: every stage has one
 * attempt and one child run, and no run carries the pipeline's name outside {@code pipeline_stage}.
 */
@WithMockUser(
        username = "admin",
        roles = {"ADMIN", "RESEARCHER"})
class PipelineKillResumeIT extends PipelineFixture {

    @Autowired
    EmbeddedPostgresServer postgres;

    @Autowired
    ApplicationContext context;

    @Test
    void aKilledInstancesPipelineGoesOnElsewhereWithoutDuplicateChildren() throws Exception {
        Inputs in = inputs("kill", 4);
        List<String> childArguments = List.of(
                "--cailab.models.demo-enabled=false",
                "--cailab.data-dir=" + TestDataDirs.create("pipeline-child"),
                "--cailab.pipeline.stage-poll=200ms");
        String name = "Pipeline kill " + java.util.UUID.randomUUID().toString().substring(0, 6);

        try (AutoCloseable ignored = LocalPipeline.pauseWorkers(context)) {
            Run pipeline = pipelines.start(in.config(name).withParameter(PipelineParameters.CAMPAIGNS, "false"));
            RunId finetune;
            ChildApp first = ChildApp.start(
                    "pipeline-a", postgres.jdbcUrl(), postgres.appUser(), postgres.appPassword(), childArguments);
            try {
                first.awaitStarted(Duration.ofSeconds(180));
                // killed while the pipeline waits for its second stage's run
                finetune = awaitChild(pipeline.id(), "sl-finetune", Duration.ofMinutes(4));
            } finally {
                first.kill();
            }
            assertThat(runs.find(pipeline.id()).orElseThrow().run().state()).isEqualTo(RunState.RUNNING);

            ChildApp second = ChildApp.start(
                    "pipeline-b", postgres.jdbcUrl(), postgres.appUser(), postgres.appPassword(), childArguments);
            try {
                second.awaitStarted(Duration.ofSeconds(180));
                awaitChild(pipeline.id(), "ai-feedback", Duration.ofMinutes(4));
            } finally {
                pipelines.cancel(pipeline.id());
                second.close();
            }

            var rows = dsl.selectFrom(PIPELINE_STAGE)
                    .where(PIPELINE_STAGE.PIPELINE_RUN_ID.eq(pipeline.id().value()))
                    .orderBy(PIPELINE_STAGE.CREATED_AT)
                    .fetch();
            assertThat(rows)
                    .extracting(r -> r.getStageKey())
                    .containsExactly("sl-cai", "sl-finetune", "response-pairs", "ai-feedback");
            assertThat(rows).extracting(r -> r.getAttempt()).containsOnly(1);
            assertThat(rows.get(1).getChildRunId())
                    .as("the same child was followed after the kill")
                    .isEqualTo(finetune.value());
            assertThat(rows.subList(0, 3)).extracting(r -> r.getOutcome()).containsOnly("succeeded");
            assertThat(runs.find(finetune).orElseThrow().run().state()).isEqualTo(RunState.FINISHED);
            assertThat(runs.find(pipeline.id()).orElseThrow().run().state()).isEqualTo(RunState.CANCELLED);
            assertThat(rows)
                    .as("cancelling the pipeline cancelled its running stages")
                    .allSatisfy(r -> assertThat(runs.find(new RunId(r.getChildRunId()))
                                    .orElseThrow()
                                    .run()
                                    .state()
                                    .isTerminal())
                            .isTrue());
            assertThat(dsl.selectCount()
                            .from(PIPELINE_RUN)
                            .where(PIPELINE_RUN.NAME.startsWith(name + " · "))
                            .fetchOne(0, Integer.class))
                    .as("no child run outside pipeline_stage")
                    .isEqualTo(rows.size());
        }
    }
}
