package org.cailab.dashboard;

import org.cailab.comparison.ComparisonTask;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RatingsChangesTest {

    @Test
    void aBurstOfChangesBecomesOneNoticeOnAnotherThreadAndClosedSubscriptionsHearNothing() throws Exception {
        RatingsChanges changes = new RatingsChanges(new DashboardProperties(null, Duration.ofMillis(100)));
        try {
            List<Set<ComparisonTask>> heard = new CopyOnWriteArrayList<>();
            List<String> threads = new CopyOnWriteArrayList<>();
            CountDownLatch once = new CountDownLatch(1);
            RatingsSubscription subscription = changes.subscribe(tasks -> {
                heard.add(tasks);
                threads.add(Thread.currentThread().getName());
                once.countDown();
            });
            RatingsSubscription closed = changes.subscribe(tasks -> heard.add(Set.of()));
            closed.close();
            changes.changed(Set.of(ComparisonTask.HELPFULNESS));
            changes.changed(Set.of(ComparisonTask.HARMLESSNESS));
            changes.changed(Set.of(ComparisonTask.HELPFULNESS));
            assertThat(once.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            assertThat(heard).containsExactly(Set.of(ComparisonTask.HELPFULNESS, ComparisonTask.HARMLESSNESS));
            assertThat(threads).containsExactly("ratings-changes");
            subscription.close();
            assertThat(changes.listenerCount()).isZero();
        } finally {
            changes.stop();
        }
    }
}
