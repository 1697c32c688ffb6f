package org.cailab.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.Choice;
import org.cailab.comparison.ComparisonService;
import org.cailab.comparison.ComparisonTask;
import org.cailab.comparison.WorkerQualityService;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.constitution.ConstitutionService;
import org.cailab.dialogue.Turn;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.support.ComparisonTestModels;
import org.cailab.support.IntegrationTest;
import org.cailab.support.Voting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Crowdworker votes become pairs (ties 0.5, flagged and excluded votes left out), an AI feedback run labels a
 * campaign's pairs, and the agreement report counts how often both prefer the same response.
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class CrowdAgreementIT extends IntegrationTest {

    @Autowired
    PreferencePairService pairs;

    @Autowired
    UserService users;

    @Autowired
    CampaignService campaigns;

    @Autowired
    ComparisonService comparisons;

    @Autowired
    WorkerQualityService quality;

    @Autowired
    ModelRegistry registry;

    @Autowired
    ConstitutionService constitutions;

    @Autowired
    RunService runs;

    @Test
    void votesBecomePairsAndAiLabelsAreComparedWithThem() {
        List<ModelSnapshot> models = Voting.asAdmin(() -> ComparisonTestModels.ensure(registry));
        SlCaiTestData.model(registry);
        Voting voting = new Voting(users, campaigns, comparisons);
        Campaign campaign = voting.campaign(ComparisonTask.HARMLESSNESS, models);
        String kept = voting.user("agree-kept", Role.WORKER);
        String excluded = voting.user("agree-excluded", Role.WORKER);
        long aVote = voting.vote(kept, campaign, Choice.A_BETTER);
        long tieVote = voting.vote(kept, campaign, Choice.TIE);
        long excludedVote = voting.vote(excluded, campaign, Choice.B_BETTER);

        CrowdVoteSync first = pairs.syncCrowdVotes();
        assertThat(first.added()).isGreaterThanOrEqualTo(3);
        PairFilter ofCampaign = PairFilter.ALL.withCampaign(campaign.id());
        List<PreferencePair> crowd = pairs.pairs(ofCampaign, 0, 10);
        assertThat(crowd).extracting(p -> p.provenance().voteId()).containsExactly(aVote, tieVote, excludedVote);
        assertThat(crowd).extracting(PreferencePair::label).containsExactly(1.0, 0.5, 0.0);
        assertThat(crowd).allSatisfy(p -> {
            assertThat(p.source()).isEqualTo(PairSource.CROWD_VOTE);
            assertThat(p.task()).isEqualTo(PairTask.HARMLESSNESS);
            assertThat(p.conversation().getLast()).isEqualTo(Turn.human("hello there"));
            assertThat(p.provenance().campaignName())
                    .isEqualTo(campaign.settings().name());
        });
        // the second vote is on the second turn of the same conversation: its pair keeps the first exchange
        assertThat(crowd.get(0).conversation()).hasSize(1);
        assertThat(crowd.get(1).conversation()).hasSize(3);
        assertThat(crowd.get(1).conversation().get(1).speaker()).isEqualTo(Turn.Speaker.ASSISTANT);
        assertThat(pairs.syncCrowdVotes().added())
                .as("a second sync adds nothing")
                .isZero();

        long excludedId = Voting.asAdmin(() -> users.findAll().stream()
                .filter(u -> u.username().equals(excluded))
                .findFirst()
                .orElseThrow()
                .id());
        Voting.asAdmin(() -> {
            quality.setExcluded(excludedId, true);
            return null;
        });
        assertThat(pairs.syncCrowdVotes().deleted()).isEqualTo(1);
        assertThat(pairs.pairs(ofCampaign, 0, 10))
                .extracting(p -> p.provenance().voteId())
                .containsExactly(aVote, tieVote);

        long version = FeedbackTestData.constitution(constitutions);
        Run run = runs.start(RunConfig.of(LabellingStage.TYPE, "crowd labels")
                .withModelSnapshots(List.of(SlCaiTestData.MODEL))
                .withConstitution(ConstitutionChoice.of(version))
                .withParameter(LabellingStage.PAIR_CAMPAIGN, campaign.settings().name()));
        assertThat(SlCaiTestData.await(runs, run.id(), s -> s.run().state().isTerminal(), Duration.ofSeconds(120))
                        .run()
                        .state())
                .isEqualTo(RunState.FINISHED);
        List<PreferencePair> labels = pairs.pairs(PairFilter.ofRun(run.id()), 0, 10);
        assertThat(labels).hasSize(2);

        AgreementReport report = pairs.agreement(PairTask.HARMLESSNESS);
        PreferencePair onDecisive = labels.stream()
                .filter(l -> l.provenance().labelledPairId() == crowd.getFirst().id())
                .findFirst()
                .orElseThrow();
        Agreement snapshot = report.bySnapshot().stream()
                .filter(a -> a.group().equals(SlCaiTestData.MODEL))
                .findFirst()
                .orElseThrow();
        // the tie is left out; the decisive vote (A better) agrees when the AI label prefers A
        int expectedAgreed = onDecisive.label() > 0.5 ? 1 : 0;
        int expectedN = onDecisive.label() == 0.5 ? 0 : 1;
        // only this test labels crowdworker pairs, so the counts are exactly this campaign's
        assertThat(snapshot.n()).isEqualTo(expectedN);
        assertThat(report.byPrinciple()).extracting(Agreement::group).containsAnyElementsOf(FeedbackTestData.ENABLED);
        assertThat(snapshot.agreed()).isEqualTo(expectedN == 0 ? 0 : expectedAgreed);
        assertThat(snapshot.lower()).isBetween(0.0, snapshot.upper());
    }
}
