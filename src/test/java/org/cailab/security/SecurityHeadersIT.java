package org.cailab.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.cailab.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Response headers of pages, study-link pages, and of requests that came through a TLS proxy. */
class SecurityHeadersIT extends IntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesMayNotBeFramedAndLoadOnlyFromThisServer() throws Exception {
        for (String path : java.util.List.of("/login", "/p/1?key=x")) {
            HttpResponse<String> response = get(path, false);
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(path + " " + response.statusCode() + " "
                            + response.headers().map())
                    .hasValueSatisfying(csp ->
                            assertThat(csp).contains("frame-ancestors 'none'").contains("object-src 'none'"));
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(path)
                    .hasValueSatisfying(v -> assertThat(v).isIn("DENY", "SAMEORIGIN"));
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .as("plain HTTP: " + path)
                    .isEmpty();
        }
    }

    @Test
    void behindATlsProxyPagesGetHstsAndTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> response = get("/login", true);
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .as(response.statusCode() + " " + response.headers().map())
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
        assertThat(response.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("JSESSIONID="))
                .isNotEmpty()
                .allMatch(c -> c.contains("Secure") && c.contains("HttpOnly"));
    }

    private HttpResponse<String> get(String path, boolean viaTlsProxy) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (viaTlsProxy) {
            request.header("X-Forwarded-Proto", "https");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
