package org.cailab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cailab.cli.CommandLineTools;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cache.annotation.EnableCaching;

/**
 * Constitutional AI Lab: the Spring Boot application, and the entry point of its command-line tools
 * ({@code java -jar cailab.jar <command> ...}), which run without the web server or the database.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableCaching
public class CailabApplication {

    public static void main(String[] args) {
        offlineModelEngineDefaults();
        if (args.length > 0 && CommandLineTools.isCommand(args[0])) {
            System.exit(CommandLineTools.run(args, System.out, System.err));
        }
        memoryAdvice(Runtime.getRuntime().maxMemory(), System.getenv())
                .forEach(advice ->
                        LoggerFactory.getLogger(CailabApplication.class).warn(advice));
        SpringApplication.run(CailabApplication.class, args);
    }

    /** Above this the heap was most likely not bounded (the JVM's default is a quarter of the machine's memory). */
    static final long LARGE_HEAP_BYTES = 2L << 30;

    /**
     * What to say at start-up when the memory defaults that {@code ./mvnw spring-boot:run} and the Docker image set
     * (README, "Memory") are missing, as with a plain {@code java -jar}: an unbounded heap and one malloc arena per
     * libtorch thread each cost hundreds of MB of resident memory. Empty when both are set.
     */
    static List<String> memoryAdvice(long maxHeapBytes, Map<String, String> environment) {
        List<String> advice = new ArrayList<>();
        if (maxHeapBytes > LARGE_HEAP_BYTES) {
            advice.add(String.format(
                    "The heap may grow to %d MiB (no -Xmx given? the JVM then takes a quarter of the machine's"
                            + " memory); start with -Xmx1g -XX:G1PeriodicGCInterval=60000 (README, \"Memory\")",
                    maxHeapBytes >> 20));
        }
        if (!environment.containsKey("MALLOC_ARENA_MAX")) {
            advice.add("MALLOC_ARENA_MAX is not set: libtorch's threads may each grow a malloc arena of their own;"
                    + " set MALLOC_ARENA_MAX=2 in the environment (README, \"Memory\")");
        }
        return advice;
    }

    /**
     * DJL otherwise probes the network (engine downloads, a cloud metadata address) when it starts; the app
     * ships its libtorch and must work offline. Explicit -D settings win.
     */
    static void offlineModelEngineDefaults() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }
}
