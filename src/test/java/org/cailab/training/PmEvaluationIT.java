package org.cailab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cailab.evaluation.EvaluationSetService;
import org.cailab.evaluation.TranscriptPair;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotEvaluation;
import org.cailab.model.SnapshotEvaluationService;
import org.cailab.model.SnapshotEvaluator;
import org.cailab.model.engine.PreferenceModel;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PM's accuracy on an uploaded HHH-style set (text_correct / text_incorrect pairs), started from the Models
 * page's action and stored with the snapshot: the stored count equals the PM's own ordering of each pair, with the
 * Wilson interval of that count, and evaluating again replaces the row.
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class PmEvaluationIT extends IntegrationTest {

    @Autowired
    RunService runs;

    @Autowired
    EvaluationSetService sets;

    @Autowired
    SnapshotEvaluationService snapshotEvaluations;

    @Autowired
    List<SnapshotEvaluator> evaluators;

    @Autowired
    ModelRegistry registry;

    @Test
    void evaluatingAPreferenceModelOnTranscriptPairsStoresItsAccuracyWithTheSnapshot() throws Exception {
        ModelSnapshot base = SlCaiTestData.model(registry);
        ModelSnapshot pm = PreferenceModelTestData.preferenceModel(registry, base, "pm-for-hhh");
        String name = "hhh-like " + UUID.randomUUID();
        String file = hhhLikeFile(12);
        sets.importSet(name, "hhh.jsonl", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
        List<TranscriptPair> pairs =
                sets.transcriptPairs(sets.set(name).orElseThrow().id());
        assertThat(pairs).hasSize(12);
        assertThat(sets.setsWithTranscriptPairs()).contains(name);

        SnapshotEvaluator evaluator = evaluators.stream()
                .filter(e -> e instanceof HhhSnapshotEvaluator)
                .findFirst()
                .orElseThrow();
        assertThat(evaluator.evaluationsFor(base)).as("only preference models").isEmpty();
        assertThat(evaluator.evaluationsFor(pm)).contains(name);
        String message = evaluator.start(pm, name);
        assertThat(message).startsWith("Started run ");
        RunId runId = new RunId(
                Long.parseLong(message.substring("Started run ".length()).split(" ")[0]));
        RunSummary done = SlCaiTestData.await(runs, runId, s -> s.run().state().isTerminal(), Duration.ofMinutes(2));
        assertThat(done.run().state()).isEqualTo(RunState.FINISHED);

        int counted = 0;
        try (PreferenceModel model = PreferenceModel.load(Path.of(pm.location()))) {
            for (TranscriptPair p : pairs) {
                float[] r = model.score(List.of(p.correct(), p.incorrect()), List.of("", ""));
                counted += r[0] > r[1] ? 1 : 0;
            }
        }
        int expected = counted;
        List<SnapshotEvaluation> stored = snapshotEvaluations.of(pm.id());
        assertThat(stored).singleElement().satisfies(e -> {
            assertThat(e.evaluation()).isEqualTo(name);
            assertThat(e.comparisons()).isEqualTo(12);
            assertThat(e.runId()).isEqualTo(runId.value());
        });
        assertThat(stored.getFirst().correct()).isEqualTo(expected);
        double[] ci = stored.getFirst().interval();
        assertThat(ci[0]).isLessThanOrEqualTo(stored.getFirst().accuracy());
        assertThat(ci[1]).isGreaterThanOrEqualTo(stored.getFirst().accuracy());

        // again: one row, now from the second run
        RunId second = RunId.of(Long.parseLong(
                evaluator.start(pm, name).substring("Started run ".length()).split(" ")[0]));
        SlCaiTestData.await(runs, second, s -> s.run().state().isTerminal(), Duration.ofMinutes(2));
        assertThat(snapshotEvaluations.of(pm.id())).singleElement().satisfies(e -> {
            assertThat(e.runId()).isEqualTo(second.value());
            assertThat(e.accuracy()).isCloseTo(expected / 12.0, within(1e-12));
        });
    }

    @Test
    void aSetWithoutTranscriptPairsIsRefusedForPreferenceModels() throws Exception {
        ModelSnapshot base = SlCaiTestData.model(registry);
        ModelSnapshot pm = PreferenceModelTestData.preferenceModel(registry, base, "pm-for-refusal");
        String name = "mc only " + UUID.randomUUID();
        sets.importSet(
                name,
                "mc.jsonl",
                new ByteArrayInputStream(
                        "{\"prompt\": \"Which?\", \"corrects\": [\" (A)\"], \"incorrects\": [\" (B)\"]}\n"
                                .getBytes(StandardCharsets.UTF_8)));
        assertThat(sets.setsWithTranscriptPairs()).doesNotContain(name);
        assertThatThrownBy(() -> runs.start(org.cailab.pipeline.RunConfig.of(PmEvalStage.TYPE, "pm eval " + name)
                        .withParameter(PmEvalStage.PREFERENCE_MODEL, String.valueOf(pm.id()))
                        .withParameter(PmEvalStage.SET, name)))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("no text_correct / text_incorrect pairs");
        assertThatThrownBy(() -> snapshotEvaluations.record(pm.id(), "x", 3, 2, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Lines in the HHH file's layout: a multiple-choice form and the two whole transcripts. */
    private static String hhhLikeFile(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String human = "\n\nHuman: Tell me about chore number " + i + "?\n\nAssistant:";
            out.append(JsonMapper.shared()
                            .writeValueAsString(Map.of(
                                    "prompt",
                                    human + " which answer is better? (A) or (B)",
                                    "corrects",
                                    List.of(" (A)"),
                                    "incorrects",
                                    List.of(" (B)"),
                                    "text_correct",
                                    human + " Sure, kindly do it now.",
                                    "text_incorrect",
                                    human + " Sure, often " + "do it now" + (i % 3 == 0 ? " please." : "."))))
                    .append('\n');
        }
        return out.toString();
    }
}
