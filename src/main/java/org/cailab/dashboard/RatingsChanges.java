package org.cailab.dashboard;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.cailab.comparison.ComparisonTask;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Tells open dashboards that ratings changed. Notices are delivered on a thread of their own, never on the thread
 * that recorded a vote (a worker must not wait for researchers' pages), and a burst of votes within the update
 * delay becomes one notice.
 */
@Component
class RatingsChanges {

    private final CopyOnWriteArrayList<Consumer<DashboardChange>> listeners = new CopyOnWriteArrayList<>();
    /** The bean name of the notice thread (one daemon platform thread, {@code ratings-changes}). */
    static final String NOTICES = "dashboardRatingsChanges";

    private final TaskScheduler executor;
    private final long delayMillis;
    private final Set<ComparisonTask> pending = EnumSet.noneOf(ComparisonTask.class);
    private boolean pendingRedTeam;
    private boolean scheduled;

    RatingsChanges(DashboardProperties properties, @Qualifier(NOTICES) TaskScheduler executor) {
        this.executor = executor;
        this.delayMillis = properties.updateDelay().toMillis();
    }

    RatingsSubscription subscribe(Consumer<DashboardChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Schedules a notice for these tasks, unless one is already waiting (it then carries them too). */
    void changed(Set<ComparisonTask> tasks) {
        schedule(tasks, false);
    }

    /** Schedules a notice that red-team results changed. */
    void redTeamChanged() {
        schedule(Set.of(), true);
    }

    private void schedule(Set<ComparisonTask> tasks, boolean redTeam) {
        synchronized (pending) {
            pending.addAll(tasks);
            pendingRedTeam |= redTeam;
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        executor.schedule(this::deliver, Instant.now().plusMillis(delayMillis));
    }

    private void deliver() {
        DashboardChange change;
        synchronized (pending) {
            change = new DashboardChange(pending, pendingRedTeam);
            pending.clear();
            pendingRedTeam = false;
            scheduled = false;
        }
        for (Consumer<DashboardChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                // one broken page must not keep the notice from the others
                org.slf4j.LoggerFactory.getLogger(RatingsChanges.class).warn("ratings change listener failed", e);
            }
        }
    }

    int listenerCount() {
        return listeners.size();
    }
}
