package org.cailab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cailab.constitution.ConstitutionService;
import org.cailab.dialogue.Conversation;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.engine.PreferenceModel;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunItemState;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.slcai.CritiqueRevisionChain;
import org.cailab.slcai.SlCaiService;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.slcai.StoredSample;
import org.cailab.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A preference-model scoring run over a real SL-CAI run of the tiny model, with a real preference model built from
 * it: every chain is scored once per round, the stored scores equal the PM's own scores of the chain texts (built
 * here independently with the Human/Assistant format), and chart 5's per-round means and 95% t intervals recompute
 * from them.
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class PmScoreRunIT extends IntegrationTest {

    private static final int CHAINS = 10;
    private static final int ROUNDS = 2;
    /** t(0.975, 9) from a printed table, for 10 chains. */
    private static final double T_975_9 = 2.2622;

    @Autowired
    RunService runs;

    @Autowired
    PmScoreService pmScores;

    @Autowired
    SlCaiService slCai;

    @Autowired
    ModelRegistry registry;

    @Autowired
    ConstitutionService constitutions;

    @Autowired
    PromptSetService promptSets;

    @Test
    void scoresEveryChainPerRoundAndTheRoundMeansRecomputeFromTheItems() throws Exception {
        ModelSnapshot base = SlCaiTestData.model(registry);
        long version = SlCaiTestData.constitution(constitutions, SlCaiTestData.CONSTITUTION);
        PromptSet set = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, CHAINS);
        Run slCaiRun = runs.start(SlCaiTestData.config("sl-cai for pm scores", set, version, ROUNDS));
        assertThat(SlCaiTestData.await(runs, slCaiRun.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(4))
                        .run()
                        .state())
                .isEqualTo(RunState.FINISHED);
        ModelSnapshot pm = preferenceModel(base, "pm-for-scores");

        Run run = runs.start(RunConfig.of(PmScoreStage.TYPE, "PM scores of sl-cai")
                .withParameter(PmScoreStage.SL_CAI_RUN, String.valueOf(slCaiRun.id()))
                .withParameter(PmScoreStage.PREFERENCE_MODEL, String.valueOf(pm.id()))
                .withParameter(PmScoreStage.MAX_LENGTH, "256"));
        assertThat(run.config().parameters())
                .containsEntry(PmScoreStage.SL_CAI_RUN_NAME, "sl-cai for pm scores")
                .containsEntry(PmScoreStage.PREFERENCE_MODEL_NAME, pm.name())
                .containsEntry(PmScoreStage.ROUNDS, String.valueOf(ROUNDS));
        assertThat(SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(3))
                        .run()
                        .state())
                .isEqualTo(RunState.FINISHED);
        // exactly once: two batches (8 + 2 chains), each done, every chain once
        assertThat(runs.countItems(run.id(), null)).isEqualTo(2);
        assertThat(runs.countItems(run.id(), RunItemState.DONE)).isEqualTo(2);
        List<PmChainScore> stored = pmScores.chainScores(run.id());
        List<StoredSample> samples = slCai.samples(slCaiRun.id(), null, 0, 100);
        assertThat(stored)
                .extracting(PmChainScore::chainKey)
                .containsExactlyElementsOf(
                        samples.stream().map(StoredSample::itemKey).toList());

        // the PM's own scores of the texts, one at a time, prompts built with the Human/Assistant format
        List<List<Double>> expected = new ArrayList<>();
        try (PreferenceModel model = PreferenceModel.load(Path.of(pm.location()))) {
            for (StoredSample sample : samples) {
                CritiqueRevisionChain chain = (CritiqueRevisionChain) sample.sample();
                String prompt = Conversation.singleTurnPrompt(chain.lastHumanText());
                List<Double> scores = new ArrayList<>();
                for (int round = 0; round <= ROUNDS; round++) {
                    scores.add((double) model.score(List.of(prompt), List.of(" " + chain.response(round)))[0]);
                }
                expected.add(scores);
            }
        }
        for (int c = 0; c < CHAINS; c++) {
            assertThat(stored.get(c).scores()).hasSize(ROUNDS + 1);
            for (int round = 0; round <= ROUNDS; round++) {
                assertThat(stored.get(c).scores().get(round))
                        .as("chain %d round %d", c, round)
                        .isCloseTo(expected.get(c).get(round), within(1e-4));
            }
        }
        assertThat(expected.stream().flatMap(List::stream).distinct().count())
                .as("a real PM gives different texts different rewards")
                .isGreaterThan(CHAINS);

        // chart 5's data: the runs by name and the per-round means with 95% t intervals
        assertThat(pmScores.runs()).anySatisfy(r -> {
            assertThat(r.runId()).isEqualTo(run.id().value());
            assertThat(r.slCaiRunName()).isEqualTo("sl-cai for pm scores");
            assertThat(r.preferenceModel()).isEqualTo(pm.name());
            assertThat(r.finished()).isTrue();
        });
        List<PmRoundScore> rounds = pmScores.rounds(run.id());
        assertThat(rounds).extracting(PmRoundScore::round).containsExactly(0, 1, 2);
        for (PmRoundScore r : rounds) {
            double[] column =
                    expected.stream().mapToDouble(s -> s.get(r.round())).toArray();
            double mean = java.util.Arrays.stream(column).average().orElseThrow();
            double sd = Math.sqrt(java.util.Arrays.stream(column)
                            .map(x -> (x - mean) * (x - mean))
                            .sum()
                    / (CHAINS - 1));
            assertThat(r.n()).isEqualTo(CHAINS);
            assertThat(r.mean()).isCloseTo(mean, within(1e-4));
            assertThat(r.sd()).isCloseTo(sd, within(1e-4));
            assertThat(r.lower()).isCloseTo(mean - T_975_9 * sd / Math.sqrt(CHAINS), within(1e-3));
            assertThat(r.upper()).isCloseTo(mean + T_975_9 * sd / Math.sqrt(CHAINS), within(1e-3));
        }
    }

    @Test
    void refusesASnapshotThatIsNotAPreferenceModelAndAMissingSlCaiRun() {
        ModelSnapshot base = SlCaiTestData.model(registry);
        assertThatThrownBy(() -> runs.start(RunConfig.of(PmScoreStage.TYPE, "no sl-cai run")
                        .withParameter(PmScoreStage.PREFERENCE_MODEL, String.valueOf(base.id()))))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("Choose the SL-CAI run");
        long version = SlCaiTestData.constitution(constitutions, SlCaiTestData.CONSTITUTION);
        PromptSet set = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 2);
        Run slCaiRun = runs.start(SlCaiTestData.config("sl-cai for pm refusal", set, version, 1));
        SlCaiTestData.await(runs, slCaiRun.id(), s -> s.run().state().isTerminal(), Duration.ofMinutes(2));
        assertThatThrownBy(() -> runs.start(RunConfig.of(PmScoreStage.TYPE, "lm as pm")
                        .withParameter(PmScoreStage.SL_CAI_RUN, String.valueOf(slCaiRun.id()))
                        .withParameter(PmScoreStage.PREFERENCE_MODEL, String.valueOf(base.id()))))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("not a preference model");
    }

    @Test
    @WithMockUser(username = "worker", roles = "WORKER")
    void workersCannotReadScores() {
        assertThatThrownBy(() -> pmScores.runs()).isInstanceOf(AccessDeniedException.class);
    }

    ModelSnapshot preferenceModel(ModelSnapshot base, String name) {
        return PreferenceModelTestData.preferenceModel(registry, base, name);
    }
}
