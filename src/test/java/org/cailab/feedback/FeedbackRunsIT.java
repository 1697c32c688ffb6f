package org.cailab.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.cailab.constitution.ConstitutionService;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunItem;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.JsonNode;

/**
 * A response-pair run samples two responses per prompt and stores one pair per item; a labelling run labels them,
 * each label stored once with its prompts and log-probabilities, and the label equals a softmax computed here from
 * separate scoring calls.
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class FeedbackRunsIT extends IntegrationTest {

    @Autowired
    RunService runs;

    @Autowired
    PreferencePairService pairs;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    ConstitutionService constitutions;

    @Autowired
    ModelRegistry registry;

    @Autowired
    ModelService models;

    @Test
    void pairsAreSampledThenLabelledEachOnce() {
        ModelSnapshot model = SlCaiTestData.model(registry);
        long version = FeedbackTestData.constitution(constitutions);
        PromptSet set = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 5);

        Run pairRun = runs.start(FeedbackTestData.responsePairs("pairs", set));
        RunSummary sampled =
                SlCaiTestData.await(runs, pairRun.id(), s -> s.run().state().isTerminal(), Duration.ofSeconds(120));
        assertThat(sampled.run().state()).isEqualTo(RunState.FINISHED);
        List<PreferencePair> stored = pairs.pairs(PairFilter.ofRun(pairRun.id()), 0, 100);
        assertThat(stored).hasSize(5).allSatisfy(p -> {
            assertThat(p.source()).isEqualTo(PairSource.SAMPLED);
            assertThat(p.task()).isEqualTo(PairTask.HARMLESSNESS);
            assertThat(p.label()).isNull();
            assertThat(p.provenance().snapshotName()).isEqualTo(model.name());
        });
        assertThat(stored).extracting(p -> p.provenance().itemKey()).doesNotHaveDuplicates();
        List<RunItem> items = runs.items(pairRun.id(), null, 0, 100);
        assertThat(items)
                .allSatisfy(i -> assertThat(i.output().get("pairId").asLong())
                        .isEqualTo(pairs.findForRunItem(pairRun.id().value(), i.key())
                                .orElseThrow()
                                .id()));
        assertThat(pairs.details(stored.getFirst().id())
                        .orElseThrow()
                        .get("temperature")
                        .asDouble())
                .isEqualTo(1.0);
        assertThat(pairs.count(PairFilter.ofRun(pairRun.id()).withLabelled(false)))
                .isEqualTo(5);

        Run labelRun =
                runs.start(FeedbackTestData.labelling("labels", pairRun.id().value(), version));
        RunSummary labelled =
                SlCaiTestData.await(runs, labelRun.id(), s -> s.run().state().isTerminal(), Duration.ofSeconds(120));
        assertThat(labelled.run().state()).isEqualTo(RunState.FINISHED);
        assertThat(labelled.progress().done()).isEqualTo(5);

        List<PreferencePair> labels = pairs.pairs(PairFilter.ofRun(labelRun.id()), 0, 100);
        assertThat(labels).hasSize(5).allSatisfy(l -> {
            assertThat(l.source()).isEqualTo(PairSource.AI_FEEDBACK);
            assertThat(l.label()).isBetween(0.0, 1.0);
            assertThat(l.provenance().principles()).hasSize(2).allMatch(FeedbackTestData.ENABLED::contains);
        });
        assertThat(labels)
                .extracting(l -> l.provenance().labelledPairId())
                .containsExactlyInAnyOrderElementsOf(
                        stored.stream().map(PreferencePair::id).toList());
        assertThat(pairs.count(PairFilter.ofRun(pairRun.id()).withLabelled(false)))
                .isZero();

        // the label from an independent computation: log-softmax over (A)/(B) scores from separate calls
        PreferencePair first = labels.getFirst();
        JsonNode details = pairs.details(first.id()).orElseThrow();
        assertThat(details.get("questions")).hasSize(4);
        double sum = 0;
        for (JsonNode question : details.get("questions")) {
            String prompt = question.get("prompt").asString();
            assertThat(prompt).endsWith("The answer is:").contains("Options:");
            double la = models.score(model.id(), List.of(prompt), List.of(" (A)"))
                    .getFirst()
                    .logProb();
            double lb = models.score(model.id(), List.of(prompt), List.of(" (B)"))
                    .getFirst()
                    .logProb();
            assertThat(question.get("logProbA").asDouble()).isCloseTo(la, within(1e-4));
            assertThat(question.get("logProbB").asDouble()).isCloseTo(lb, within(1e-4));
            double max = Math.max(la, lb);
            double pOptionA = Math.exp(la - max) / (Math.exp(la - max) + Math.exp(lb - max));
            double pA = question.get("swapped").asBoolean() ? 1 - pOptionA : pOptionA;
            assertThat(question.get("firstIsBetter").asDouble()).isCloseTo(pA, within(1e-4));
            assertThat(question.get("used").asDouble()).isCloseTo(pA, within(1e-4));
            sum += pA;
        }
        assertThat(first.label()).isCloseTo(sum / 4, within(1e-4));
        LabellingProgress progress = pairs.labellingProgress(labelRun.id());
        assertThat(progress.labels()).hasSize(5);
        assertThat(progress.swappedLabels()).isEqualTo(5);
        assertThat(details.get("options").get("swap").asBoolean()).isTrue();

        assertThatThrownBy(() -> runs.start(
                        FeedbackTestData.labelling("again", pairRun.id().value(), version)))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("all have AI labels already");
    }
}
