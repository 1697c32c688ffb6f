package org.cailab.support;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of integration tests: the whole application on a real embedded PostgreSQL in a fresh data directory
 * and a random port. All subclasses share one application context (and one database) unless they change
 * the configuration, so tests must not assume an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    public static final String ADMIN_PASSWORD = "admin-test-password";
    private static final Path DATA_DIR = TestDataDirs.create("it");

    @Autowired
    private SecurityContextHolderStrategy securityContextHolderStrategy;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("cailab.data-dir", DATA_DIR::toString);
        registry.add("cailab.security.admin-password", () -> ADMIN_PASSWORD);
        registry.add("cailab.models.demo-enabled", () -> "false");
        // as behind a TLS proxy (what the README asks for in production): X-Forwarded-Proto from loopback counts
        registry.add("server.forward-headers-strategy", () -> "native");
    }

    /**
     * Every application context installs its own Vaadin-aware strategy (with its own thread-local) as the global
     * {@link SecurityContextHolder} strategy when it starts. Tests that start further contexts in the same JVM
     * (RestartKeepsDataIT) leave a foreign one installed; then {@code SecurityContextHolder.getContext()} in this
     * test and the method security of this context would look at different places. Re-install this context's.
     */
    @BeforeEach
    void useThisContextsSecurityContextHolderStrategy() {
        SecurityContextHolder.setContextHolderStrategy(securityContextHolderStrategy);
    }
}
