package org.cailab.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cailab.CailabApplication;
import org.cailab.model.DemoAttempts;
import org.cailab.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A fresh start with the demo models enabled imports the templated demo red-team attempts once, through the ordinary
 * importer (all 600 records, attributed to the system); once there is an import, nothing is imported again.
 */
class DemoAttemptsImportIT {

    @Test
    void aFreshStartImportsTheDemoAttemptsOnce() {
        Path dataDir = TestDataDirs.create("demo-attempts");
        SecurityContext previous = SecurityContextHolder.getContext();
        try (ConfigurableApplicationContext app = start(dataDir)) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_RESEARCHER")));
            SecurityContextHolder.setContext(context);
            RedTeamDataService data = app.getBean(RedTeamDataService.class);
            List<AttemptImport> imports = data.imports();
            assertThat(imports).as("imports after a fresh start").hasSize(1);
            AttemptImport demo = imports.getFirst();
            assertThat(demo.fileName()).isEqualTo(DemoAttempts.FILE_NAME);
            assertThat(demo.records()).isEqualTo(DemoAttempts.DEFAULT_COUNT);
            assertThat(demo.importedBy()).isEqualTo(DemoAttemptsImport.IMPORTED_BY);

            // what the next start does: there is an import, so nothing is imported again
            assertThat(app.getBean(DemoAttemptsImport.class).importIfFresh()).isNull();
            assertThat(data.imports()).containsExactly(demo);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // the demo models train in the background (3 steps here); the import runs at start-up, before run() returns
        return new SpringApplicationBuilder(CailabApplication.class)
                .run(
                        "--cailab.data-dir=" + dataDir,
                        "--server.port=0",
                        "--cailab.security.admin-password=demo-attempts-pw",
                        "--cailab.models.demo-enabled=true",
                        "--cailab.models.demo-steps=3");
    }
}
