package org.cailab;

import org.cailab.cli.CommandLineTools;
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
        SpringApplication.run(CailabApplication.class, args);
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
