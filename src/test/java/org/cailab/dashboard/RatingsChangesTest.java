package org.cailab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cailab.comparison.ComparisonTask;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class RatingsChangesTest {

    @Test
    void aBurstOfChangesBecomesOneNoticeOnAnotherThreadAndClosedSubscriptionsHearNothing() throws Exception {
        ThreadPoolTaskScheduler thread = new RatingsChangesThread().dashboardRatingsChanges();
        thread.initialize();
        RatingsChanges changes = new RatingsChanges(new DashboardProperties(null, Duration.ofMillis(100)), thread);
        try {
            List<DashboardChange> heard = new CopyOnWriteArrayList<>();
            List<String> threads = new CopyOnWriteArrayList<>();
            CountDownLatch first = new CountDownLatch(1);
            CountDownLatch second = new CountDownLatch(2);
            RatingsSubscription subscription = changes.subscribe(change -> {
                heard.add(change);
                threads.add(Thread.currentThread().getName());
                first.countDown();
                second.countDown();
            });
            RatingsSubscription closed = changes.subscribe(change -> heard.add(new DashboardChange(Set.of(), false)));
            closed.close();
            changes.changed(Set.of(ComparisonTask.HELPFULNESS));
            changes.changed(Set.of(ComparisonTask.HARMLESSNESS));
            changes.changed(Set.of(ComparisonTask.HELPFULNESS));
            assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            assertThat(heard)
                    .containsExactly(new DashboardChange(
                            Set.of(ComparisonTask.HELPFULNESS, ComparisonTask.HARMLESSNESS), false));
            assertThat(threads).containsExactly("ratings-changes");

            changes.redTeamChanged();
            assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(heard.get(1)).isEqualTo(new DashboardChange(Set.of(), true));
            subscription.close();
            assertThat(changes.listenerCount()).isZero();
        } finally {
            thread.shutdown();
        }
    }
}
