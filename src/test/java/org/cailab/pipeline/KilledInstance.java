package org.cailab.pipeline;

import static org.cailab.db.jooq.Tables.PIPELINE_RUN_ITEM;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * What a child app killed with {@code kill -9} left behind, read from the database (never from its log: a killed
 * process may have claimed an item without having written its log line). Public for other modules' kill tests.
 */
public final class KilledInstance {

    private KilledInstance() {}

    /**
     * The keys of the run's items that the killed child held a claim on. Waits first until PostgreSQL has ended every
     * connection of the child, so that a commit the child sent just before it died is either applied or rolled back
     * before the items are read.
     */
    public static Set<String> claimedItems(DSLContext dsl, ChildApp child, long runId) throws InterruptedException {
        awaitDisconnected(dsl, child, Duration.ofSeconds(60));
        return new HashSet<>(dsl.select(PIPELINE_RUN_ITEM.ITEM_KEY)
                .from(PIPELINE_RUN_ITEM)
                .where(PIPELINE_RUN_ITEM.RUN_ID.eq(runId))
                .and(PIPELINE_RUN_ITEM.STATE.eq(RunItemState.RUNNING.name()))
                .and(PIPELINE_RUN_ITEM.LEASE_OWNER.startsWith(child.name() + "#"))
                .fetch(PIPELINE_RUN_ITEM.ITEM_KEY));
    }

    /** Waits until no database session of the child is left. */
    public static void awaitDisconnected(DSLContext dsl, ChildApp child, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sessions(dsl, child) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the database still has sessions of " + child.name() + " after " + timeout);
            }
            Thread.sleep(50);
        }
    }

    /** The child's open database sessions (its connections carry its name as application name). */
    public static int sessions(DSLContext dsl, ChildApp child) {
        return dsl.fetchValue("select count(*) from pg_stat_activity where application_name = ?", child.name())
                        instanceof Number count
                ? count.intValue()
                : 0;
    }
}
