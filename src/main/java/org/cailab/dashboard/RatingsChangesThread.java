package org.cailab.dashboard;

import org.cailab.base.Schedulers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The thread that delivers ratings notices, a bean so that Spring stops it with the context. */
@Configuration(proxyBeanMethods = false)
class RatingsChangesThread {

    @Bean(name = RatingsChanges.NOTICES)
    ThreadPoolTaskScheduler dashboardRatingsChanges() {
        return Schedulers.singleDaemonThread("ratings-changes");
    }
}
