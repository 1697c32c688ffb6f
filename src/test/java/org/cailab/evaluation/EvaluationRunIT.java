package org.cailab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cailab.constitution.MultipleChoiceQuestion;
import org.cailab.constitution.PromptFormats;
import org.cailab.dialogue.Conversation;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunItem;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An evaluation run of a tiny real model on an uploaded set of 20 items (2 and 3 options) stores every item once,
 * each item's probabilities equal a softmax over separately requested scores, and the summary equals accuracy and
 * ECE recomputed here from the stored items.
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class EvaluationRunIT extends IntegrationTest {

    private static final int ITEMS = 20;

    @Autowired
    EvaluationSetService evaluations;

    @Autowired
    RunService runs;

    @Autowired
    ModelRegistry registry;

    @Autowired
    ModelService models;

    @Test
    void aRunAnswersEveryItemOnceAndItsSummaryFollowsFromTheItems() {
        ModelSnapshot model = SlCaiTestData.model(registry);
        String name = "hhh-" + UUID.randomUUID();
        EvaluationSet set = evaluations.importSet(name, "items.jsonl", stream(file()));
        assertThat(set.itemCount()).isEqualTo(ITEMS);
        assertThat(evaluations.items(set.id()).get(2).incorrects()).containsExactly(" (A)", " (C)");

        Run run = runs.start(RunConfig.of(McEvalStage.TYPE, "eval " + name)
                .withModelSnapshots(List.of(model.name()))
                .withParameter(McEvalStage.SET, name)
                .withExecution(new RunConfig.Execution(2, 2, 0)));
        RunSummary done =
                SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofSeconds(180));
        assertThat(done.run().state()).isEqualTo(RunState.FINISHED);
        assertThat(done.progress().done()).as("batches of 16").isEqualTo(2);

        List<RunItem> outputs = runs.outputs(run.id(), null, 0, 100);
        List<JsonNode> items = new ArrayList<>();
        outputs.forEach(o -> o.output().get("results").forEach(items::add));
        assertThat(items)
                .extracting(i -> i.get("index").asInt())
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, ITEMS).boxed().toList());

        // one item against the model directly: softmax over scores from separate calls
        JsonNode third = items.get(2);
        EvalItem item = evaluations.items(set.id()).get(2);
        List<Double> logProbs = item.options().stream()
                .map(o -> models.score(model.id(), List.of(item.prompt()), List.of(o))
                        .getFirst()
                        .logProb())
                .toList();
        double max = logProbs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double z = logProbs.stream().mapToDouble(l -> Math.exp(l - max)).sum();
        for (int k = 0; k < logProbs.size(); k++) {
            assertThat(third.get("probabilities").get(item.options().get(k)).asDouble())
                    .isCloseTo(Math.exp(logProbs.get(k) - max) / z, within(1e-4));
        }
        assertThat(third.get("separatelyEncoded")).hasSize(3);

        // the summary from the stored items, computed independently of Calibration
        int correct = 0;
        int[] count = new int[10];
        double[] confidence = new double[10];
        int[] right = new int[10];
        for (int i = 0; i < ITEMS; i++) {
            JsonNode stored = items.get(i);
            EvalItem asked = evaluations.items(set.id()).get(i);
            double bestCorrect = -1;
            double bestWrong = -1;
            double top = 0;
            for (var entry : stored.get("probabilities").properties()) {
                double p = entry.getValue().asDouble();
                top = Math.max(top, p);
                if (asked.corrects().contains(entry.getKey())) {
                    bestCorrect = Math.max(bestCorrect, p);
                } else {
                    bestWrong = Math.max(bestWrong, p);
                }
            }
            boolean isRight = bestCorrect > bestWrong;
            assertThat(stored.get("correct").asBoolean()).isEqualTo(isRight);
            int bin = top >= 1 ? 9 : (int) (top * 10);
            count[bin]++;
            confidence[bin] += top;
            if (isRight) {
                correct++;
                right[bin]++;
            }
        }
        double ece = 0;
        for (int b = 0; b < 10; b++) {
            if (count[b] > 0) {
                ece += count[b] / (double) ITEMS * Math.abs(right[b] / (double) count[b] - confidence[b] / count[b]);
            }
        }
        EvaluationResult result = evaluations.results().stream()
                .filter(r -> r.runId() == run.id().value())
                .findFirst()
                .orElseThrow();
        assertThat(result.evaluationSet()).isEqualTo(name);
        assertThat(result.snapshot()).isEqualTo(model.name());
        assertThat(result.finished()).isTrue();
        assertThat(result.calibration().n()).isEqualTo(ITEMS);
        assertThat(result.calibration().accuracy()).isCloseTo(correct / (double) ITEMS, within(1e-12));
        assertThat(result.calibration().ece()).isCloseTo(ece, within(1e-12));
        for (int b = 0; b < 10; b++) {
            assertThat(result.calibration().bins().get(b).count()).isEqualTo(count[b]);
        }
        assertThat(result.accuracyLower())
                .isLessThanOrEqualTo(result.calibration().accuracy());
        assertThat(result.accuracyUpper())
                .isGreaterThanOrEqualTo(result.calibration().accuracy());
    }

    @Test
    void aBadLineStoresNothingAndNamesTheLine() {
        String name = "bad-" + UUID.randomUUID();
        String text = file() + "{\"prompt\": \"x\", \"corrects\": [\" (A)\"], \"incorrects\": [\" (A)\"]}\n";
        assertThatThrownBy(() -> evaluations.importSet(name, "bad.jsonl", stream(text)))
                .isInstanceOf(EvalFileException.class)
                .hasMessageContaining("bad.jsonl, line " + (ITEMS + 2))
                .hasMessageContaining("both corrects and incorrects");
        assertThat(evaluations.sets()).noneMatch(s -> s.name().equals(name));
        assertThatThrownBy(() -> runs.start(RunConfig.of(McEvalStage.TYPE, "eval " + name)
                        .withModelSnapshots(List.of(SlCaiTestData.MODEL))
                        .withParameter(McEvalStage.SET, name)))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("no evaluation set named");
    }

    @Test
    void chainOfThoughtReasonsAndClampsEveryAnswer() {
        ModelSnapshot model = SlCaiTestData.model(registry);
        String name = "cot-" + UUID.randomUUID();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String prompt = PromptFormats.multipleChoiceQuestion(new MultipleChoiceQuestion(
                    Conversation.of("How do I fix bike number " + i + "?"),
                    "Which response is more helpful?",
                    "Check the chain.",
                    "No idea."));
            text.append(JsonMapper.shared()
                            .writeValueAsString(java.util.Map.of(
                                    "prompt", prompt, "corrects", List.of(" (A)"), "incorrects", List.of(" (B)"))))
                    .append('\n');
        }
        evaluations.importSet(name, "cot.jsonl", stream(text.toString()));
        RunConfig config = RunConfig.of(McEvalStage.TYPE, "cot " + name)
                .withModelSnapshots(List.of(model.name()))
                .withParameter(McEvalStage.SET, name)
                .withParameter("chainOfThought", "true")
                .withParameter("reasoningSamples", "2")
                .withParameter("reasoningMaxTokens", "4")
                .withSeed(5);
        Run run = runs.start(config);
        RunSummary done =
                SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofSeconds(180));
        assertThat(done.run().state()).isEqualTo(RunState.FINISHED);
        assertThat(done.run().config().parameters())
                .containsEntry("clampLow", "0.4")
                .containsEntry("clampHigh", "0.6");
        List<ItemResult> answered = evaluations.itemResults(run.id());
        assertThat(answered).hasSize(3).allSatisfy(r -> {
            assertThat(r.reasonings()).hasSize(2);
            assertThat(r.probabilities().get(" (A)")).isBetween(0.4, 0.6);
            assertThat(r.probabilities().get(" (A)") + r.probabilities().get(" (B)"))
                    .isCloseTo(1.0, within(1e-12));
        });

        // items not in the paper's two-option format are refused when the run is planned
        String threeOptions = "three-" + UUID.randomUUID();
        evaluations.importSet(threeOptions, "three.jsonl", stream(file()));
        assertThatThrownBy(() -> runs.start(RunConfig.of(McEvalStage.TYPE, "cot " + threeOptions)
                        .withModelSnapshots(List.of(model.name()))
                        .withParameter(McEvalStage.SET, threeOptions)
                        .withParameter("chainOfThought", "true")))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("Chain of thought needs prompts in the paper's multiple-choice format; item 1");
    }

    /** 20 items in the paper's format: two options, and every third item with a third option. */
    private static String file() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) {
            String prompt = "\\n\\nHuman: Which reply is better, number " + i + "?\\n\\nOptions:\\n(A) Sure.\\n(B) No."
                    + "\\n\\nAssistant: The answer is:";
            String corrects = i % 2 == 0 ? "\" (B)\"" : "\" (A)\"";
            String incorrects = (i % 2 == 0 ? "\" (A)\"" : "\" (B)\"") + (i % 3 == 2 ? ", \" (C)\"" : "");
            out.append("{\"prompt\": \"")
                    .append(prompt)
                    .append("\", \"corrects\": [")
                    .append(corrects)
                    .append("], \"incorrects\": [")
                    .append(incorrects)
                    .append("]}\n");
            if (i == 5) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
