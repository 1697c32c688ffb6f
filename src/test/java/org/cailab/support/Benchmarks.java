package org.cailab.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.cailab.model.DemoModelStatus;
import org.cailab.model.DemoModels;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the benchmarks that start the app in their own JVM share: options, a fresh data directory, waiting for the demo
 * models, the admin's sign-in, the heap.
 */
public final class Benchmarks {

    private Benchmarks() {}

    /** {@code --name value} pairs by name. */
    public static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options are --name value pairs: " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** Signs this thread in as the admin (who may set up campaigns, users and runs). */
    public static void asAdmin() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_RESEARCHER")));
    }

    /** The heap in use after a few full collections (what stays). */
    public static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
            Thread.sleep(300);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** A new, absolute data directory {@code target/benchmark-data/<prefix>-<now>} (the app creates it). */
    public static Path dataDir(String prefix) throws IOException {
        return Files.createDirectories(Path.of("target", "benchmark-data"))
                .resolve(prefix + "-" + System.currentTimeMillis())
                .toAbsolutePath();
    }

    /** Waits until the app trained its demo models (as on a first start), printing their progress every 100 steps. */
    public static void awaitDemoModels(ApplicationContext app) throws InterruptedException {
        DemoModels demo = app.getBean(DemoModels.class);
        int lastStep = -1;
        while (true) {
            DemoModelStatus status = demo.status();
            if (status.state() == DemoModelStatus.State.DONE) {
                return;
            }
            if (status.state() == DemoModelStatus.State.FAILED) {
                throw new IllegalStateException(status.message());
            }
            if (status.step() / 100 != lastStep / 100) {
                System.out.println("  " + status.message());
                lastStep = status.step();
            }
            Thread.sleep(1000);
        }
    }
}
