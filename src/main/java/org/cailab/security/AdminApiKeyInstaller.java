package org.cailab.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When {@code CAILAB_ADMIN_API_KEY} is set, gives the first admin that API key once the application is up (after the
 * first admin was created), as Label Studio's {@code LABEL_STUDIO_USER_TOKEN} does: scripts and a vLLM-fronted
 * deployment can use the API without anyone signing in first.
 */
@Component
class AdminApiKeyInstaller {

    private static final Logger log = LoggerFactory.getLogger(AdminApiKeyInstaller.class);

    private final ApiKeyService keys;
    private final String configuredKey;

    AdminApiKeyInstaller(ApiKeyService keys, @Value("${cailab.security.admin-api-key:}") String configuredKey) {
        this.keys = keys;
        this.configuredKey = configuredKey;
    }

    @EventListener(ApplicationReadyEvent.class)
    void install() {
        if (configuredKey.isBlank()) {
            return;
        }
        keys.installForFirstAdmin(configuredKey.strip())
                .ifPresent(key -> log.info(
                        "Installed the API key {}… from CAILAB_ADMIN_API_KEY for the admin '{}'.",
                        key.prefix(),
                        key.owner()));
    }
}
