package org.cailab.pipeline;

import org.cailab.base.Schedulers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The lease keeper's timer, a bean so that Spring stops its thread with the context. */
@Configuration(proxyBeanMethods = false)
class LeaseKeeperTimer {

    @Bean(name = LeaseKeeper.TIMER)
    ThreadPoolTaskScheduler pipelineLeaseKeeper() {
        return Schedulers.singleDaemonThread("cailab-lease-keeper");
    }
}
