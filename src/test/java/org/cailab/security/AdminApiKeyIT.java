package org.cailab.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cailab.support.AsUser.asAdmin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import org.cailab.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** CAILAB_ADMIN_API_KEY: the first admin gets the key, hashed, listed, usable, revocable, and not brought back. */
class AdminApiKeyIT extends IntegrationTest {

    @Autowired
    ApiKeyService keys;

    @LocalServerPort
    int port;

    @Test
    void theConfiguredKeyBelongsToTheFirstAdminAndStaysRevoked() throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = "cai_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);

        ApiKey installed = keys.installForFirstAdmin(secret).orElseThrow();
        assertThat(installed.owner()).isEqualTo("admin");
        assertThat(installed.name()).isEqualTo("CAILAB_ADMIN_API_KEY");
        assertThat(installed.prefix()).isEqualTo(secret.substring(0, 10));
        assertThat(asAdmin(() -> keys.keys())).extracting(ApiKey::id).contains(installed.id());
        assertThat(keys.installForFirstAdmin(secret)).as("a second start").isEmpty();
        assertThat(status(secret)).isEqualTo(200);

        asAdmin(() -> keys.revoke(installed.id()));
        assertThat(status(secret)).isEqualTo(401);
        assertThat(keys.installForFirstAdmin(secret))
                .as("not brought back by the next start")
                .isEmpty();
        assertThat(status(secret)).isEqualTo(401);

        assertThatThrownBy(() -> keys.installForFirstAdmin("my-password"))
                .isInstanceOf(ApiKeyException.class)
                .hasMessageContaining("CAILAB_ADMIN_API_KEY");
    }

    private int status(String secret) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/models"))
                                .header("Authorization", "Bearer " + secret)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
