package org.cailab.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start (no users at all) creates the user {@code admin}. Its password comes from
 * {@code CAILAB_ADMIN_PASSWORD}; when that is unset a random one is generated and printed once in the log,
 * because there is no other way to sign in to a fresh installation.
 */
@Component
class InitialAdminCreator implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(InitialAdminCreator.class);

    private final UserService userService;
    private final String configuredPassword;

    InitialAdminCreator(
            UserService userService, @Value("${cailab.security.admin-password:}") String configuredPassword) {
        this.userService = userService;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        if (!generated) {
            UserService.validatePassword(password);
        }
        if (!userService.createInitialAdminIfNoUsers(ADMIN_USERNAME, password, generated)) {
            return;
        }
        if (generated) {
            log.warn("""

                    ================================================================
                    Created the first user '{}' with the generated password:
                        {}
                    It is shown only this once. The first sign-in asks for a new one.
                    (Or set CAILAB_ADMIN_PASSWORD before the first start next time.)
                    ================================================================""", ADMIN_USERNAME, password);
        } else {
            log.info("Created the first user '{}' with the password from CAILAB_ADMIN_PASSWORD.", ADMIN_USERNAME);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
