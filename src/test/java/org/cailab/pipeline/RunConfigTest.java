package org.cailab.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.dialogue.Turn;
import org.cailab.promptset.PromptSetId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RunConfigTest {

    @Test
    void survivesAJsonRoundTripInFull() {
        RunConfig config = RunConfig.of("sl-cai-revision", "Revision of red-team set")
                .withPromptSet(PromptSetId.of(7L))
                .withConstitution(ConstitutionChoice.parse("constitution-v3"))
                .withModelSnapshots(List.of("helpful-rlhf-52b@step-1200", "feedback-pm@v2"))
                .withSampling(new RunConfig.Sampling(0.7, 0.95, 512))
                .withSeed(1234567890123L)
                .withExecution(new RunConfig.Execution(4, 5, 30))
                .withParameter("revisions", "4");

        JsonMapper json = JsonMapper.shared();
        RunConfig back = json.readValue(json.writeValueAsString(config), RunConfig.class);

        assertThat(back).isEqualTo(config);
        assertThat(json.writeValueAsString(config))
                .contains(
                        "\"seed\":1234567890123",
                        "\"temperature\":0.7",
                        "\"constitutionVersion\":\"constitution-v3\"",
                        "\"maxAttempts\":5");
    }

    @Test
    void readsConfigurationsStoredBeforeTheTypedReferences() {
        // as JooqRunRepository wrote them when the prompt set was a Long and the constitution a String
        String stored = """
                {"type":"sl-cai-revision","name":"old run","promptSetId":12,"constitutionVersion":"34",
                 "modelSnapshots":["5"],"sampling":{"temperature":0.0,"topP":1.0,"maxNewTokens":64},"seed":9,
                 "execution":{"workers":1,"maxAttempts":3,"retryDelaySeconds":5},"parameters":{"rounds":"2"}}""";
        RunConfig config = JsonMapper.shared().readValue(stored, RunConfig.class);

        assertThat(config.promptSet()).isEqualTo(PromptSetId.of(12));
        assertThat(config.constitution()).isEqualTo(ConstitutionChoice.of(34));
        assertThat(config.constitutionVersionId()).isEqualTo(34);
        assertThat(JsonMapper.shared().writeValueAsString(config))
                .contains("\"promptSetId\":12", "\"constitutionVersion\":\"34\"");

        RunConfig unplanned = JsonMapper.shared()
                .readValue(
                        "{\"type\":\"x\",\"name\":\"n\",\"constitutionVersion\":\"default v2\",\"seed\":0}",
                        RunConfig.class);
        assertThat(unplanned.constitution()).isEqualTo(new ConstitutionChoice.Named("default v2"));
        assertThat(unplanned.promptSet()).isNull();
        assertThatThrownBy(unplanned::constitutionVersionId)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("default v2");
    }

    @Test
    void constitutionChoicesAreIdsOrNames() {
        assertThat(ConstitutionChoice.parse(" 17 ")).isEqualTo(ConstitutionChoice.of(17));
        assertThat(ConstitutionChoice.parse("paper v1")).isEqualTo(new ConstitutionChoice.Named("paper v1"));
        assertThat(ConstitutionChoice.parse("  ")).isNull();
        assertThat(ConstitutionChoice.textOf(null)).isNull();
    }

    @Test
    void refusesSettingsOutOfRange() {
        assertThatThrownBy(() -> RunConfig.of("Bad Type", "x")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> RunConfig.of("ok", " ")).hasMessageContaining("name");
        assertThatThrownBy(() -> new RunConfig.Sampling(0.5, 0, 10)).hasMessageContaining("Top-p");
        assertThatThrownBy(() -> new RunConfig.Execution(0, 3, 0)).hasMessageContaining("Workers");
        assertThatThrownBy(
                        () -> new RunPlan(RunConfig.of("ok", "x"), List.of(ItemInput.of("a", 1), ItemInput.of("a", 2))))
                .hasMessageContaining("key 'a'");
    }

    @Test
    void workerSlotIdsRoundTrip() {
        WorkerSlot slot = new WorkerSlot(42, 3, 1);
        assertThat(WorkerSlot.parse(slot.id())).isEqualTo(slot);
    }

    @Test
    void promptStatisticsMeasureTheConversation() {
        PromptStatistics stats = PromptStatistics.of(List.of(
                Turn.human("How do I bake bread?"),
                Turn.assistant("With flour, water and time."),
                Turn.human("How long does the dough rise? Über-long?")));

        assertThat(stats.turns()).isEqualTo(3);
        assertThat(stats.humanTurns()).isEqualTo(2);
        assertThat(stats.lastHumanWords()).isEqualTo(7);
        assertThat(stats.question()).isTrue();
        assertThat(stats.utf8Bytes()).isEqualTo(stats.characters() + 1);
        assertThat(stats.wordPieces()).isGreaterThan(stats.words());
        assertThat(stats.fingerprint())
                .hasSize(16)
                .isEqualTo(PromptStatistics.of(List.of(Turn.human("how LONG does the  dough rise? über-long?")))
                        .fingerprint());
    }
}
