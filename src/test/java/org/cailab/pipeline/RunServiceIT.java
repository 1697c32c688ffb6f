package org.cailab.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cailab.db.jooq.Tables.PIPELINE_RUN_OUTPUT;
import static org.jooq.impl.DSL.countDistinct;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.promptset.PromptExtraction;
import org.cailab.promptset.PromptFormat;
import org.cailab.promptset.PromptImport;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetId;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "researcher", roles = "RESEARCHER")
class RunServiceIT extends IntegrationTest {

    @Autowired
    RunService runs;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    DSLContext dsl;

    @Test
    void everyItemIsProcessedExactlyOnceWithItsOutputStored() {
        Run run = runs.start(TestItemsStage.config("exactly once", 30).withExecution(new RunConfig.Execution(3, 3, 0)));

        RunSummary finished = RunAwait.state(runs, run.id(), RunState.FINISHED);

        assertThat(finished.progress())
                .extracting(RunProgress::total, RunProgress::done, RunProgress::failed)
                .containsExactly(30, 30, 0);
        assertThat(finished.run().startedAt()).isNotNull();
        assertThat(finished.run().endedAt()).isNotNull();
        assertThat(outputs(run.id().value())).isEqualTo(30);
        assertThat(TestItemsStage.calls(run.id().value()))
                .hasSize(30)
                .allSatisfy((key, calls) -> assertThat(calls).isEqualTo(1));
        List<RunItem> items = runs.items(run.id(), null, 0, 100);
        assertThat(items).hasSize(30).allSatisfy(item -> {
            assertThat(item.state()).isEqualTo(RunItemState.DONE);
            assertThat(item.attempts()).isEqualTo(1);
            assertThat(item.output().get("square").asLong()).isEqualTo((long) item.seq() * item.seq());
        });
        assertThat(runs.log(run.id(), 100))
                .extracting(RunLogEntry::message)
                .anyMatch(m -> m.startsWith("Started by researcher: 30 items"))
                .anyMatch(m -> m.equals("Finished: 30 of 30 items done, 0 failed."));
    }

    @Test
    void failedItemsAreRetriedBoundedTimesThenRecordedWithTheirError() {
        Run run = runs.start(TestItemsStage.config("retries", 8)
                .withExecution(new RunConfig.Execution(2, 3, 0))
                .withParameter("failAlways", "item-002,item-005")
                .withParameter("failTimes", "item-003:2"));

        RunSummary finished = RunAwait.state(runs, run.id(), RunState.FINISHED);

        assertThat(finished.progress())
                .extracting(RunProgress::done, RunProgress::failed)
                .containsExactly(6, 2);
        assertThat(runs.countItems(run.id(), RunItemState.FAILED)).isEqualTo(2);
        List<RunItem> failed = runs.items(run.id(), RunItemState.FAILED, 0, 10);
        assertThat(failed).extracting(RunItem::key).containsExactly("item-002", "item-005");
        assertThat(failed).allSatisfy(item -> {
            assertThat(item.attempts()).isEqualTo(3);
            assertThat(item.lastError()).isEqualTo("IllegalStateException: planned failure of " + item.key());
            assertThat(item.output()).isNull();
        });
        RunItem recovered = runs.items(run.id(), null, 3, 1).getFirst();
        assertThat(recovered.key()).isEqualTo("item-003");
        assertThat(recovered.state()).isEqualTo(RunItemState.DONE);
        assertThat(recovered.attempts()).isEqualTo(3);
        assertThat(TestItemsStage.calls(run.id().value()))
                .containsEntry("item-002", 3)
                .containsEntry("item-003", 3)
                .containsEntry("item-000", 1);
        assertThat(outputs(run.id().value())).isEqualTo(6);
        assertThat(runs.log(run.id(), 100))
                .extracting(RunLogEntry::message)
                .contains(
                        "Item item-002 failed after 3 attempts: IllegalStateException: planned failure of item-002",
                        "Finished: 6 of 8 items done, 2 failed.")
                .anyMatch(m -> m.startsWith("Item item-003, attempt 1 of 3 failed, will retry"));
    }

    @Test
    void pauseResumeAndCancel() throws InterruptedException {
        Run run = runs.start(TestItemsStage.config("pause and resume", 40).withParameter("delayMs", "30"));
        RunAwait.until(runs, run.id(), s -> s.progress().done() >= 3, Duration.ofSeconds(20));

        assertThat(runs.pause(run.id()).state()).isEqualTo(RunState.PAUSED);
        RunSummary paused = RunAwait.until(runs, run.id(), s -> s.progress().running() == 0, Duration.ofSeconds(5));
        Thread.sleep(300);
        RunSummary stillPaused = runs.find(run.id()).orElseThrow();
        assertThat(stillPaused.run().state()).isEqualTo(RunState.PAUSED);
        assertThat(stillPaused.progress().done())
                .isEqualTo(paused.progress().done())
                .isLessThan(40);
        assertThatThrownBy(() -> runs.pause(run.id()))
                .isInstanceOf(RunException.class)
                .hasMessage("Run " + run.id() + " is paused; only a queued or running run can be paused.");

        runs.resume(run.id());
        RunSummary finished = RunAwait.state(runs, run.id(), RunState.FINISHED);
        assertThat(finished.progress().done()).isEqualTo(40);
        assertThat(TestItemsStage.calls(run.id().value()))
                .hasSize(40)
                .allSatisfy((key, calls) -> assertThat(calls).isEqualTo(1));
        assertThat(runs.log(run.id(), 100))
                .extracting(RunLogEntry::message)
                .contains("Paused by researcher.", "Resumed by researcher.");

        Run doomed = runs.start(TestItemsStage.config("cancelled", 40).withParameter("delayMs", "30"));
        RunAwait.until(runs, doomed.id(), s -> s.progress().done() >= 2, Duration.ofSeconds(20));
        assertThat(runs.cancel(doomed.id()).state()).isEqualTo(RunState.CANCELLED);
        RunSummary cancelled =
                RunAwait.until(runs, doomed.id(), s -> s.progress().running() == 0, Duration.ofSeconds(5));
        Thread.sleep(300);
        assertThat(runs.find(doomed.id()).orElseThrow().progress().done())
                .isEqualTo(cancelled.progress().done())
                .isLessThan(40);
        assertThat(cancelled.run().endedAt()).isNotNull();
        assertThatThrownBy(() -> runs.resume(doomed.id())).hasMessageContaining("only a paused run can be resumed");
    }

    @Test
    void promptStatisticsRunMeasuresEveryPromptOfASetAndRecordsItsConfiguration() {
        PromptSet set = promptSets.importPrompts(
                new PromptImport(
                        "stats-" + UUID.randomUUID(),
                        PromptSetKind.HELPFULNESS,
                        PromptFormat.PLAIN_TEXT,
                        PromptExtraction.FIRST_HUMAN_TURN,
                        "prompts.txt"),
                new ByteArrayInputStream(
                        "How do I bake bread?\nWhat is 2+2?\nHow do I bake bread?\nTell me about Ümlauts\n"
                                .getBytes(StandardCharsets.UTF_8)));
        RunConfig config = RunConfig.of(PromptStatisticsStage.TYPE, "statistics")
                .withPromptSet(PromptSetId.of(set.id()))
                .withConstitution(ConstitutionChoice.parse("v1"))
                .withModelSnapshots(List.of("tiny-lm@1"))
                .withSeed(99)
                .withSampling(new RunConfig.Sampling(0.5, 0.9, 64));

        Run run = runs.start(config);
        RunSummary finished = RunAwait.state(runs, run.id(), RunState.FINISHED);

        assertThat(finished.progress().done()).isEqualTo(3);
        // the recorded configuration names the prompt set and which of its prompts were used (all of them)
        assertThat(finished.run().config())
                .isEqualTo(
                        config.withParameter("promptSetName", set.name()).withParameter(PromptSelection.MODE, "all"));
        List<RunItem> items = runs.items(run.id(), null, 0, 10);
        assertThat(items).extracting(RunItem::key).containsExactly("prompt-000001", "prompt-000002", "prompt-000003");
        assertThat(items.get(1).output().get("question").asBoolean()).isTrue();
        assertThat(items.get(1).output().get("lastHumanWords").asInt()).isEqualTo(3);
        assertThat(items.get(2).output().get("nonAsciiShare").asDouble()).isPositive();
    }

    @Test
    void startRefusesWhatCannotRun() {
        assertThatThrownBy(() -> runs.start(RunConfig.of("no-such-type", "x")))
                .isInstanceOf(RunException.class)
                .hasMessage("There is no run type 'no-such-type'.");
        assertThatThrownBy(() -> runs.start(RunConfig.of(PromptStatisticsStage.TYPE, "x")))
                .hasMessage("A Prompt statistics run needs a prompt set.");
        assertThatThrownBy(() ->
                        runs.start(RunConfig.of(PromptStatisticsStage.TYPE, "x").withPromptSet(PromptSetId.of(-5L))))
                .hasMessage("There is no prompt set -5.");
        assertThat(runs.types())
                .extracting(RunTypeInfo::type)
                .contains(PromptStatisticsStage.TYPE, TestItemsStage.TYPE);
    }

    @Test
    @WithMockUser(username = "worker", roles = "WORKER")
    void workersCannotUseRuns() {
        assertThatThrownBy(() -> runs.start(TestItemsStage.config("x", 1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runs.findRecent(10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runs.pause(new RunId(1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runs.types()).isInstanceOf(AccessDeniedException.class);
    }

    private int outputs(long runId) {
        return dsl.select(countDistinct(PIPELINE_RUN_OUTPUT.ITEM_ID))
                .from(PIPELINE_RUN_OUTPUT)
                .where(PIPELINE_RUN_OUTPUT.RUN_ID.eq(runId))
                .fetchSingle()
                .value1();
    }
}
