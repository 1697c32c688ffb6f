package org.cailab.pipeline;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.ApplicationContext;

/** Lets other modules' tests hold this app's own run workers while child apps do the work. */
public final class LocalPipeline {

    private LocalPipeline() {}

    /** Pauses this app's scheduler (it then only watches); closing the result resumes it. */
    public static AutoCloseable pauseWorkers(ApplicationContext context) {
        Scheduler scheduler = context.getBean(PipelineScheduler.class).current().orElseThrow();
        scheduler.pause();
        return scheduler::resume;
    }
}
