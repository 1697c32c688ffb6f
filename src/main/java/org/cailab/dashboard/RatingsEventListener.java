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
 * Keeps the cached ratings current and open dashboards informed (also of new red-team ratings). Votes are recorded
 * inside a transaction: reacting only after it completes means a recomputation always sees the new vote.
 *
 * <p>The phase is after completion, not after commit: Spring Modulith's event publication registry stores a row for
 * every after-commit listener of every event and deletes it once the listener ran, an insert and a delete in each
 * vote's path for what is only a cache refresh (nothing is lost by missing one: the caches are rebuilt at start). A
 * rolled-back vote therefore also refreshes the caches, which then compute what they held before.
 */
@Component
class RatingsEventListener {

    private final RatingsService ratings;

    RatingsEventListener(RatingsService ratings) {
        this.ratings = ratings;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(VoteRecorded vote) {
        if (!vote.gold()) {
            ratings.changed(Set.of(vote.task()));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(WorkerExclusionChanged change) {
        ratings.changed(EnumSet.allOf(ComparisonTask.class));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(AttemptRated rated) {
        ratings.redTeamChanged();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(AttemptsImported imported) {
        ratings.redTeamChanged();
    }
}
