package org.cailab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docker/compose.yaml cannot be run here (no Docker engine, no GPU): check its structure instead, as
 * {@code docker compose config} would, and that the app's side of the vLLM wiring matches the vLLM service's.
 */
class DockerComposeFileTest {

    private static final Path COMPOSE = Path.of("docker/compose.yaml");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern VALID_VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:(?::?-|:?\\?|:?\\+).*)?");

    @Test
    void theVllmServiceIsOptionalAndTheAppRegistersIt() throws IOException {
        JsonNode compose = YAMLMapper.builder().build().readTree(COMPOSE.toFile());
        JsonNode services = compose.path("services");
        assertThat(services.has("postgres")).isTrue();
        assertThat(services.path("app").has("profiles"))
                .as("the app runs without a profile")
                .isFalse();
        assertThat(services.path("postgres").has("profiles")).isFalse();

        JsonNode vllm = services.path("vllm");
        assertThat(vllm.path("profiles").get(0).asString()).isEqualTo("gpu");
        assertThat(vllm.path("image").asString()).startsWith("vllm/vllm-openai:");
        List<String> command = new ArrayList<>();
        vllm.path("command").forEach(c -> command.add(c.asString()));
        assertThat(command).contains("--model", "--served-model-name", "--max-logprobs");
        assertThat(Integer.parseInt(command.get(command.indexOf("--max-logprobs") + 1)))
                .isGreaterThanOrEqualTo(1);
        assertThat(vllm.path("deploy")
                        .path("resources")
                        .path("reservations")
                        .path("devices")
                        .get(0)
                        .path("capabilities")
                        .get(0)
                        .asString())
                .isEqualTo("gpu");
        String port = command.get(command.indexOf("--port") + 1);

        JsonNode env = services.path("app").path("environment");
        String servedByVllm = withDefaults(command.get(command.indexOf("--served-model-name") + 1));
        assertThat(withDefaults(env.path("CAILAB_REMOTE_SERVED_MODEL").asString()))
                .isEqualTo(servedByVllm);
        assertThat(env.path("CAILAB_REMOTE_SCORING").asString()).isEqualTo("prompt-logprobs");
        assertThat(Files.readString(COMPOSE)).contains("CAILAB_REMOTE_MODEL_URLS=http://vllm:" + port + "/v1");

        // every variable the compose file hands to the app is one the application reads
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        env.properties().forEach(e -> {
            if (e.getKey().startsWith("CAILAB_")) {
                assertThat(properties).as(e.getKey()).contains("${" + e.getKey());
            }
        });
    }

    @Test
    void variablesAreWellFormedAndNoneIsRequiredOutsideItsProfile() throws IOException {
        String text = Files.readString(COMPOSE);
        Matcher m = VARIABLE.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
            assertThat(m.group(1)).matches(VALID_VARIABLE);
        }
        assertThat(count).isGreaterThan(5);
        // compose interpolates every service, also those of inactive profiles: a required variable there would
        // stop "docker compose up" without --profile gpu
        JsonNode vllm = YAMLMapper.builder()
                .build()
                .readTree(COMPOSE.toFile())
                .path("services")
                .path("vllm");
        assertThat(vllm.toString()).doesNotContain(":?");
    }

    private static String withDefaults(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String[] parts = m.group(1).split(":-", 2);
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            parts.length == 2
                                    ? parts[1]
                                    : Map.<String, String>of().getOrDefault(parts[0], "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
