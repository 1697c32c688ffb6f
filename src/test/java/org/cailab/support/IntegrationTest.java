package org.cailab.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/**
 * Base of integration tests: the whole application on a real embedded PostgreSQL in a fresh data directory
 * and a random port. All subclasses share one application context (and one database) unless they change
 * the configuration, so tests must not assume an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    public static final String ADMIN_PASSWORD = "admin-test-password";
    private static final Path DATA_DIR = TestDataDirs.create("it");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("cailab.data-dir", DATA_DIR::toString);
        registry.add("cailab.security.admin-password", () -> ADMIN_PASSWORD);
        registry.add("cailab.models.demo-enabled", () -> "false");
    }
}
