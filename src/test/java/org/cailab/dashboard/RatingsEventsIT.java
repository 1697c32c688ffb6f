package org.cailab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.db.jooq.Tables.EVENT_PUBLICATION;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cailab.comparison.ComparisonTask;
import org.cailab.comparison.Outcome;
import org.cailab.comparison.VoteRecorded;
import org.cailab.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A recorded vote refreshes the dashboards once its transaction completed, without a row in Spring Modulith's event
 * publication registry (a cache refresh is not worth an insert and a delete in every vote's path).
 */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class RatingsEventsIT extends IntegrationTest {

    @Autowired
    RatingsService ratings;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DSLContext dsl;

    @Test
    void aVoteRefreshesTheDashboardsAfterItsTransactionWithoutARegistryRow() throws InterruptedException {
        List<DashboardChange> seen = new CopyOnWriteArrayList<>();
        RatingsSubscription subscription = ratings.subscribe(seen::add);
        try {
            Integer rowsInTransaction = transactions.execute(tx -> {
                events.publishEvent(new VoteRecorded(
                        -1L,
                        -1L,
                        ComparisonTask.HARMLESSNESS,
                        1L,
                        2L,
                        Outcome.A_WINS,
                        false,
                        false,
                        OffsetDateTime.now()));
                return dsl.fetchCount(EVENT_PUBLICATION, EVENT_PUBLICATION.EVENT_TYPE.eq(VoteRecorded.class.getName()));
            });
            assertThat(rowsInTransaction).isZero();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (seen.stream().noneMatch(c -> c.tasks().contains(ComparisonTask.HARMLESSNESS))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(seen).anySatisfy(change -> assertThat(change.tasks()).contains(ComparisonTask.HARMLESSNESS));
        } finally {
            subscription.close();
        }
    }
}
