package org.cailab.comparison;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.aopalliance.intercept.MethodInterceptor;
import org.cailab.model.GenerationTimings;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;

/**
 * Benchmark only (never a bean outside {@link ComparisonBenchmark}, which registers it through {@link #initializer}):
 * where the server's time goes. A servlet filter times each Vaadin UIDL request (a client-to-server message: a key,
 * a click); an advisor times the public {@link ComparisonService} calls made in it; a jOOQ {@link ExecuteListener}
 * counts the SQL statements and their time, per request and per service call. The generation timers of
 * {@link GenerationTimings} get exact percentiles here (a meter filter) and are reset with {@link #reset}.
 */
final class ServerTimes {

    /** One service call inside a request. */
    record Call(String method, long nanos, int statements, long sqlNanos) {}

    /** One UIDL request, with the service calls it made. */
    record Request(long nanos, int statements, long sqlNanos, List<Call> calls) {
        boolean called(String method) {
            return calls.stream().anyMatch(c -> c.method().equals(method));
        }
    }

    /** What is being measured on this thread: the request, and the service call in it, if any. */
    private static final class Current {
        final List<Call> calls = new ArrayList<>();
        int statements;
        long sqlNanos;
        int callDepth;
        int callStatements;
        long callSqlNanos;
    }

    private static final ThreadLocal<@Nullable Current> CURRENT = new ThreadLocal<>();
    private static final String SQL_START = ServerTimes.class.getName() + ".start";

    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    /** Registers the filter, the advisor, the jOOQ listener and the meter filter in the app's context. */
    ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
        return context -> {
            GenericApplicationContext app = (GenericApplicationContext) context;
            app.registerBean("benchmarkUidlTimes", FilterRegistrationBean.class, this::filter);
            app.registerBean(
                    "benchmarkSqlTimes",
                    DefaultExecuteListenerProvider.class,
                    () -> new DefaultExecuteListenerProvider(sqlListener()));
            app.registerBean(
                    "benchmarkServiceTimes",
                    Advisor.class,
                    this::serviceAdvisor,
                    bd -> bd.setRole(BeanDefinition.ROLE_INFRASTRUCTURE));
            app.registerBean("benchmarkGenerationPercentiles", MeterFilter.class, ServerTimes::exactPercentiles);
        };
    }

    /** Forgets what was measured so far (between the baseline and the main run), the generation timers included. */
    void reset(MeterRegistry registry) {
        requests.clear();
        for (String name : List.of(GenerationTimings.QUEUE, GenerationTimings.PREFILL, GenerationTimings.DECODE)) {
            registry.find(name).meters().forEach(registry::remove);
        }
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The UIDL requests that made a call to {@code method}. */
    List<Request> requestsCalling(String method) {
        return requests().stream().filter(r -> r.called(method)).toList();
    }

    /** The calls to {@code method}. */
    List<Call> calls(String method) {
        return requests().stream()
                .flatMap(r -> r.calls().stream())
                .filter(c -> c.method().equals(method))
                .toList();
    }

    /** p50 / p95 (ms) and count of a live generation timer, "n/a" when it recorded nothing. */
    String generationPercentiles(MeterRegistry registry, String name) {
        Timer timer = registry.find(name).tag("priority", "live").timer();
        if (timer == null || timer.count() == 0) {
            return "n/a";
        }
        double p50 = Double.NaN;
        double p95 = Double.NaN;
        for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
            if (Math.abs(v.percentile() - 0.5) < 1e-9) {
                p50 = v.value(TimeUnit.MILLISECONDS);
            } else if (Math.abs(v.percentile() - 0.95) < 1e-9) {
                p95 = v.value(TimeUnit.MILLISECONDS);
            }
        }
        return String.format(
                Locale.ROOT,
                "p50 %.0f ms, p95 %.0f ms, mean %.0f ms (n=%d)",
                p50,
                p95,
                timer.mean(TimeUnit.MILLISECONDS),
                timer.count());
    }

    private FilterRegistrationBean<Filter> filter() {
        Filter filter = (request, response, chain) -> {
            String query = request instanceof HttpServletRequest http ? http.getQueryString() : null;
            if (query == null || !query.contains("v-r=uidl") || CURRENT.get() != null) {
                chain.doFilter(request, response);
                return;
            }
            Current current = new Current();
            CURRENT.set(current);
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                long nanos = System.nanoTime() - start;
                CURRENT.remove();
                requests.add(new Request(nanos, current.statements, current.sqlNanos, List.copyOf(current.calls)));
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    private Advisor serviceAdvisor() {
        StaticMethodMatcherPointcut pointcut = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return ComparisonService.class.isAssignableFrom(targetClass)
                        && Modifier.isPublic(method.getModifiers())
                        && method.getDeclaringClass() == ComparisonService.class;
            }
        };
        MethodInterceptor timing = invocation -> {
            Current current = CURRENT.get();
            if (current == null || current.callDepth > 0) {
                return invocation.proceed();
            }
            current.callDepth++;
            current.callStatements = 0;
            current.callSqlNanos = 0;
            long start = System.nanoTime();
            try {
                return invocation.proceed();
            } finally {
                current.callDepth--;
                current.calls.add(new Call(
                        invocation.getMethod().getName(),
                        System.nanoTime() - start,
                        current.callStatements,
                        current.callSqlNanos));
            }
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut, timing);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE); // outermost: the call's time includes its transaction's commit
        return advisor;
    }

    private static ExecuteListener sqlListener() {
        return new ExecuteListener() {
            @Override
            public void start(ExecuteContext ctx) {
                if (CURRENT.get() != null) {
                    ctx.data(SQL_START, System.nanoTime());
                }
            }

            @Override
            public void end(ExecuteContext ctx) {
                Current current = CURRENT.get();
                if (current != null && ctx.data(SQL_START) instanceof Long start) {
                    long nanos = System.nanoTime() - start;
                    current.statements++;
                    current.sqlNanos += nanos;
                    if (current.callDepth > 0) {
                        current.callStatements++;
                        current.callSqlNanos += nanos;
                    }
                }
            }
        };
    }

    /** Exact p50 / p95 of the generation timers over the whole run (no decaying window). */
    private static MeterFilter exactPercentiles() {
        Predicate<Meter.Id> generation = id -> id.getName().startsWith("cailab.generation.");
        return new MeterFilter() {
            @Override
            public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!generation.test(id)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentiles(0.5, 0.95)
                        .percentilePrecision(3)
                        .expiry(Duration.ofHours(6))
                        .bufferLength(1)
                        .build()
                        .merge(config);
            }
        };
    }
}
