package org.cailab.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cailab.base.Schedulers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The model module's long-lived executors, as beans Spring shuts down. Which threads run model code is what it was
 * before they were beans: generation stays on the batcher's engine threads ({@code EngineThreads} sets PyTorch's
 * per-thread counts there); the API's choices (teacher-forced scoring when {@code max_tokens} is 0) run on virtual
 * threads of {@link #modelApiScoring}; nothing here changes a thread count.
 */
@Configuration(proxyBeanMethods = false)
class ModelExecutors {

    static final String REMOTE_CALLS = "modelRemoteCalls";
    static final String API_SCORING = "modelApiScoring";
    static final String UNLOADER = "modelUnloader";

    /** Remote calls block on HTTP: one virtual thread each; the backend's own limit decides how many run at once. */
    @Bean(name = REMOTE_CALLS, destroyMethod = "shutdownNow")
    ExecutorService modelRemoteCalls() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    /** The OpenAI API's teacher-forced scoring and choice assembly: one virtual thread per choice. */
    @Bean(name = API_SCORING, destroyMethod = "shutdownNow")
    ExecutorService modelApiScoring() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    /** Unloads models left idle; one daemon thread, as before it was a bean. */
    @Bean(name = UNLOADER)
    ThreadPoolTaskScheduler modelUnloader() {
        return Schedulers.singleDaemonThread("cailab-model-unloader");
    }
}
