package org.cailab.dashboard;

import java.util.EnumSet;
import java.util.Set;
import org.cailab.comparison.ComparisonTask;
import org.cailab.comparison.VoteRecorded;
import org.cailab.comparison.WorkerExclusionChanged;
import org.cailab.redteam.AttemptRated;
import org.cailab.redteam.AttemptsImported;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the cached ratings current and open dashboards informed (also of new red-team ratings). Votes are recorded inside a transaction: reacting only after it commits means
 * a recomputation always sees the new vote, and a rolled-back vote changes nothing.
 */
@Component
class RatingsEventListener {

    private final RatingsService ratings;

    RatingsEventListener(RatingsService ratings) {
        this.ratings = ratings;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(VoteRecorded vote) {
        if (!vote.gold()) {
            ratings.changed(Set.of(vote.task()));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(WorkerExclusionChanged change) {
        ratings.changed(EnumSet.allOf(ComparisonTask.class));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AttemptRated rated) {
        ratings.redTeamChanged();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AttemptsImported imported) {
        ratings.redTeamChanged();
    }
}
