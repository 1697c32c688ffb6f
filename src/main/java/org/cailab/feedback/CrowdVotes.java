package org.cailab.feedback;

import java.util.List;
import java.util.Optional;
import org.cailab.comparison.ComparisonTask;
import org.cailab.comparison.PairVote;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;

/** Turns a crowdworker's vote into a preference pair. */
final class CrowdVotes {

    private static final String ASSISTANT_PROMPT = "\n\nAssistant:";

    private CrowdVotes() {}

    /** The pair of a vote; empty when its conversation cannot be read back as turns (it is then left out). */
    static Optional<NewPreferencePair> pair(PairVote vote) {
        String prompt = vote.conversation();
        if (!prompt.endsWith(ASSISTANT_PROMPT)) {
            return Optional.empty();
        }
        List<Turn> turns;
        try {
            turns = Conversation.parseLenient(prompt.substring(0, prompt.length() - ASSISTANT_PROMPT.length()))
                    .turns();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (turns.getLast().speaker() != Turn.Speaker.HUMAN) {
            return Optional.empty();
        }
        double label = switch (vote.choice()) {
            case A_BETTER -> 1.0;
            case B_BETTER -> 0.0;
            case TIE, BOTH_BAD -> 0.5;
        };
        PairTask task = vote.task() == ComparisonTask.HARMLESSNESS ? PairTask.HARMLESSNESS : PairTask.HELPFULNESS;
        return Optional.of(new NewPreferencePair(
                task,
                PairSource.CROWD_VOTE,
                turns,
                vote.answerA(),
                vote.answerB(),
                label,
                PairProvenance.vote(vote.campaignId(), vote.campaignName(), vote.voteId()),
                null));
    }
}
