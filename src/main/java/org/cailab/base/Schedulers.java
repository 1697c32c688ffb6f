package org.cailab.base;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Task schedulers that features declare as beans, so that Spring starts and stops them with the context. */
public final class Schedulers {

    private Schedulers() {}

    /**
     * A scheduler with one daemon platform thread named exactly {@code threadName}: a timer that must never keep
     * the JVM alive, and whose thread is easy to spot in a thread dump. It keeps accepting tasks until Spring
     * destroys it (a vote recorded while the context closes must not fail because its notice cannot be queued),
     * then drops the queued ones. Not initialised: Spring does that for a bean; a test calls {@code initialize()}.
     */
    public static ThreadPoolTaskScheduler singleDaemonThread(String threadName) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadFactory(Thread.ofPlatform().daemon().name(threadName).factory());
        scheduler.setAcceptTasksAfterContextClose(true);
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
