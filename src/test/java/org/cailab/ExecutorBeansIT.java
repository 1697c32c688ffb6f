package org.cailab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cailab.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The features' executors are beans next to Boot's {@code applicationTaskExecutor} (which Vaadin needs when there
 * are several task executors), and the timers run on one daemon thread each, under their old names.
 */
class ExecutorBeansIT extends IntegrationTest {

    @Autowired
    private ApplicationContext context;

    @LocalServerPort
    private int port;

    @Test
    void bootsTaskExecutorStaysAndVaadinServesAPage() throws Exception {
        assertThat(context.containsBean("applicationTaskExecutor")).isTrue();
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
    }

    @Test
    void eachTimerRunsOnOneDaemonThreadWithItsName() throws Exception {
        Map<String, String> names = Map.of(
                "modelUnloader", "cailab-model-unloader",
                "pipelineLeaseKeeper", "cailab-lease-keeper",
                "dashboardRatingsChanges", "ratings-changes");
        for (Map.Entry<String, String> e : names.entrySet()) {
            ThreadPoolTaskScheduler scheduler = context.getBean(e.getKey(), ThreadPoolTaskScheduler.class);
            CompletableFuture<Thread> ran = new CompletableFuture<>();
            scheduler.execute(() -> ran.complete(Thread.currentThread()));
            Thread thread = ran.get(10, TimeUnit.SECONDS);
            assertThat(thread.getName()).isEqualTo(e.getValue());
            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.isVirtual()).isFalse();
            assertThat(scheduler.getPoolSize()).isLessThanOrEqualTo(1);
        }
    }
}
