package org.cailab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.data.Offset.offset;
import static org.cailab.support.AsUser.asAdmin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cailab.model.openai.RemoteModelException;
import org.cailab.security.ApiKeyService;
import org.cailab.security.CreatedApiKey;
import org.cailab.support.IntegrationTest;
import org.cailab.support.TinyModelFixture;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remote backend against our own OpenAI-compatible API, over real HTTP: the same tiny model answers directly
 * (local engine) and through {@code /v1/completions}, so both paths must agree.
 */
class OpenAiRoundTripIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROMPT = "\n\nHuman: hello world?\n\nAssistant:";

    @Autowired
    ModelRegistry registry;

    @Autowired
    ModelService models;

    @Autowired
    ApiKeyService keys;

    @Autowired
    LoadedModels loaded;

    @Autowired
    DSLContext dsl;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private ModelSnapshot local;
    private String keyVariable;
    private CreatedApiKey key;

    @BeforeEach
    void setUp() {
        local = asAdmin(() -> registry.register(NewSnapshot.local(
                unique("oa-local"),
                SnapshotKind.PRETRAINED,
                TinyModelFixture.create("openai", 21).toString())));
        key = asAdmin(() ->
                keys.create("openai round trip", java.util.Set.of(org.cailab.security.ApiKeyScope.OPENAI_API), null));
        // the registration names a variable; Spring's environment (system properties included) resolves it
        keyVariable = "CAILAB_TEST_OPENAI_KEY_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        System.setProperty(keyVariable, key.secret());
    }

    private URI self() {
        return URI.create("http://localhost:" + port);
    }

    private ModelSnapshot remote(RemoteBackend backend) {
        return asAdmin(() -> registry.registerRemote(unique("oa-remote"), SnapshotKind.PRETRAINED, backend, ""));
    }

    private RemoteBackend backend(List<URI> urls) {
        return RemoteBackend.of(urls, local.name(), keyVariable);
    }

    @Test
    void seededGenerationAndStreamingGiveTheSameTextOnBothPaths() {
        ModelSnapshot remote = remote(backend(List.of(self())));
        SamplingSettings settings =
                SamplingSettings.defaults().withMaxNewTokens(20).withSeed(42L);

        GenerationResult direct = asAdmin(
                () -> models.generate(local.id(), PROMPT, settings, d -> {}).join());
        GenerationResult viaApi = asAdmin(() -> models.generateAll(remote.id(), List.of(PROMPT), settings))
                .getFirst();
        assertThat(direct.generatedTokens()).isPositive();
        assertThat(viaApi.text()).isEqualTo(direct.text());
        assertThat(viaApi.generatedTokens()).isEqualTo(direct.generatedTokens());
        assertThat(viaApi.promptTokens()).isEqualTo(direct.promptTokens());

        List<String> deltas = new CopyOnWriteArrayList<>();
        GenerationResult streamed = asAdmin(() ->
                models.generate(remote.id(), PROMPT, settings, deltas::add).join());
        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(String.join("", deltas)).isEqualTo(streamed.text()).isEqualTo(direct.text());
        assertThat(streamed.generatedTokens()).as("usage in the last chunk").isEqualTo(direct.generatedTokens());

        // several prompts go as one request (batched by the server), each row with its own seed as on the engine
        List<String> prompts =
                List.of(PROMPT, "\n\nHuman: good or bad?\n\nAssistant:", "\n\nHuman: help please\n\nAssistant:");
        List<GenerationResult> directRows = asAdmin(() -> models.generateAll(local.id(), prompts, settings));
        List<GenerationResult> apiRows = asAdmin(() -> models.generateAll(remote.id(), prompts, settings));
        assertThat(apiRows)
                .extracting(GenerationResult::text)
                .containsExactlyElementsOf(
                        directRows.stream().map(GenerationResult::text).toList());
        assertThat(apiRows)
                .extracting(GenerationResult::generatedTokens)
                .containsExactlyElementsOf(directRows.stream()
                        .map(GenerationResult::generatedTokens)
                        .toList());

        SamplingSettings other = settings.withSeed(43L);
        GenerationResult otherDirect = asAdmin(
                () -> models.generate(local.id(), PROMPT, other, d -> {}).join());
        GenerationResult otherApi = asAdmin(
                () -> models.generate(remote.id(), PROMPT, other, d -> {}).join());
        assertThat(otherApi.text()).isEqualTo(otherDirect.text());
    }

    @Test
    void scoresThroughEchoAndPromptLogprobsEqualTheEnginesDirectScores() {
        List<String> prompts =
                List.of(PROMPT, "\n\nHuman: good or bad?\n\nAssistant: I think", "\n\nHuman: hi\n\nAssistant:");
        List<String> continuations = List.of(" (A)", " the answer is good.", " hello world. please help");
        List<ScoredContinuation> direct = asAdmin(() -> models.score(local.id(), prompts, continuations));
        for (RemoteBackend.Scoring scoring : List.of(
                RemoteBackend.Scoring.ECHO,
                RemoteBackend.Scoring.ECHO_ONE_TOKEN,
                RemoteBackend.Scoring.PROMPT_LOGPROBS)) {
            ModelSnapshot remote = remote(backend(List.of(self())).withScoring(scoring));
            List<ScoredContinuation> viaApi = asAdmin(() -> models.score(remote.id(), prompts, continuations));
            for (int i = 0; i < prompts.size(); i++) {
                assertThat(viaApi.get(i).straddlesBoundary())
                        .as(scoring + " " + i)
                        .isFalse();
                assertThat(viaApi.get(i).tokenLogProbs())
                        .as(scoring + " " + i)
                        .hasSameSizeAs(direct.get(i).tokenLogProbs());
                assertThat(viaApi.get(i).logProb())
                        .as(scoring + " " + i)
                        .isCloseTo(direct.get(i).logProb(), offset(1e-4));
            }
        }
        // a continuation that starts inside a word: the server's token spans the boundary, and the score says so
        ModelSnapshot remote = remote(backend(List.of(self())));
        ScoredContinuation straddling = asAdmin(
                        () -> models.score(remote.id(), List.of(PROMPT + " hel"), List.of("lo")))
                .getFirst();
        assertThat(straddling.straddlesBoundary()).isTrue();
    }

    @Test
    void withoutAValidKeyTheApiAnswers401AndGeneratesNothing() throws Exception {
        ModelSnapshot unused = asAdmin(() -> registry.register(NewSnapshot.local(
                unique("oa-unused"),
                SnapshotKind.PRETRAINED,
                TinyModelFixture.create("openai-unused", 22).toString())));
        String body = "{\"model\":\"" + unused.name() + "\",\"prompt\":\"hello\",\"max_tokens\":4}";
        assertThat(post("/v1/completions", body, null).statusCode()).isEqualTo(401);
        assertThat(post("/v1/completions", body, "cai_" + "x".repeat(43)).statusCode())
                .isEqualTo(401);
        assertThat(post("/v1/completions", body, "not-even-a-key").statusCode()).isEqualTo(401);
        CreatedApiKey revoked = asAdmin(
                () -> keys.create("to revoke", java.util.Set.of(org.cailab.security.ApiKeyScope.OPENAI_API), null));
        asAdmin(() -> keys.revoke(revoked.key().id()));
        assertThat(post("/v1/completions", body, revoked.secret()).statusCode()).isEqualTo(401);
        assertThat(get("/v1/models", revoked.secret()).statusCode()).isEqualTo(401);
        assertThat(loaded.isLoaded(unused.id())).as("nothing generated").isFalse();

        HttpResponse<String> ok = post("/v1/completions", body, key.secret());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(loaded.isLoaded(unused.id())).isTrue();
        // what the Models page lists, through the app's ModelService (the routing one), not the engine's own list
        assertThat(asAdmin(() -> models.loadedModels()))
                .extracting(LoadedModel::name)
                .contains(unused.name());
        JsonNode completion = JSON.readTree(ok.body());
        assertThat(completion.path("object").asString()).isEqualTo("text_completion");
        assertThat(completion.path("usage").path("completion_tokens").asInt()).isBetween(1, 4);

        // a remote snapshot whose key variable holds a revoked key fails at once, naming the backend and the status
        System.setProperty(keyVariable + "_REVOKED", revoked.secret());
        ModelSnapshot badKey = remote(RemoteBackend.of(List.of(self()), local.name(), keyVariable + "_REVOKED"));
        Throwable failure = catchThrowable(() -> asAdmin(() -> models.generateAll(
                badKey.id(), List.of(PROMPT), SamplingSettings.defaults().withMaxNewTokens(4))));
        assertThat(failure)
                .isInstanceOf(RemoteModelException.class)
                .hasMessageContaining(badKey.name())
                .hasMessageContaining("HTTP 401");
        assertThat(((RemoteModelException) failure).retryable()).isFalse();
    }

    @Test
    void modelsChatAndValidationErrorsAreOpenAiShaped() throws Exception {
        JsonNode list = JSON.readTree(get("/v1/models", key.secret()).body());
        assertThat(list.path("data").findValuesAsString("id")).contains(local.name());

        HttpResponse<String> unknown =
                post("/v1/completions", "{\"model\":\"no-such-model\",\"prompt\":\"x\"}", key.secret());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").path("code").asString())
                .isEqualTo("model_not_found");

        HttpResponse<String> badType = post(
                "/v1/completions",
                "{\"model\":\"" + local.name() + "\",\"prompt\":\"x\",\"max_tokens\":\"many\"}",
                key.secret());
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badType.body()).path("error").path("param").asString())
                .isEqualTo("max_tokens");
        assertThat(JSON.readTree(badType.body()).path("error").path("type").asString())
                .isEqualTo("invalid_request_error");

        HttpResponse<String> tooLong = post(
                "/v1/completions",
                "{\"model\":\"" + local.name() + "\",\"prompt\":\"x\",\"max_tokens\":100000}",
                key.secret());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.body()).path("error").path("message").asString())
                .contains("maximum context length");

        assertThat(post("/v1/completions", "{not json", key.secret()).statusCode())
                .isEqualTo(400);

        HttpResponse<String> chat = post(
                "/v1/chat/completions",
                "{\"model\":\"" + local.name() + "\",\"seed\":5,"
                        + "\"max_tokens\":12,\"messages\":[{\"role\":\"user\",\"content\":\"hello world?\"}]}",
                key.secret());
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
        String content = JSON.readTree(chat.body())
                .path("choices")
                .get(0)
                .path("message")
                .path("content")
                .asString();
        GenerationResult direct = asAdmin(() -> models.generate(
                        local.id(),
                        PROMPT,
                        SamplingSettings.defaults().withMaxNewTokens(12).withSeed(5L),
                        d -> {})
                .join());
        assertThat(content).isEqualTo(direct.text().strip());
    }

    @Test
    void aProxyThatFailsTwiceIsRetriedAndTheRequestSucceeds() throws Exception {
        try (OpenAiTestServers.FailingProxy proxy = new OpenAiTestServers.FailingProxy(self(), 2)) {
            ModelSnapshot remote = remote(backend(List.of(proxy.url())).withLimits(4, Duration.ofSeconds(30), 3));
            SamplingSettings settings =
                    SamplingSettings.defaults().withMaxNewTokens(10).withSeed(9L);
            GenerationResult viaProxy = asAdmin(() -> models.generateAll(remote.id(), List.of(PROMPT), settings))
                    .getFirst();
            GenerationResult direct = asAdmin(
                    () -> models.generate(local.id(), PROMPT, settings, d -> {}).join());
            assertThat(viaProxy.text()).isEqualTo(direct.text());
            assertThat(proxy.refused.get()).isEqualTo(2);
            assertThat(proxy.requests.get()).isEqualTo(3);
        }
        try (OpenAiTestServers.FailingProxy proxy = new OpenAiTestServers.FailingProxy(self(), 100)) {
            ModelSnapshot remote = remote(backend(List.of(proxy.url())).withLimits(4, Duration.ofSeconds(30), 1));
            Throwable failure = catchThrowable(() -> asAdmin(() -> models.generateAll(
                    remote.id(), List.of(PROMPT), SamplingSettings.defaults().withMaxNewTokens(4))));
            assertThat(failure)
                    .isInstanceOf(RemoteModelException.class)
                    .hasMessageContaining(remote.name())
                    .hasMessageContaining("2 attempt(s)")
                    .hasMessageContaining("HTTP 503: overloaded, try later")
                    .hasMessageContaining(proxy.url().toString());
            assertThat(proxy.requests.get()).isEqualTo(2);
        }
    }

    @Test
    void nulCharactersFromARemoteServerAreDroppedSoThatTheTextCanBeStored() throws Exception {
        // every generated text (each choice and each streamed delta) starts with a JSON-escaped NUL
        AtomicInteger injected = new AtomicInteger();
        UnaryOperator<String> withNul = body -> {
            Matcher m = Pattern.compile("\"text\":\"(?!\")").matcher(body);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                injected.incrementAndGet();
                m.appendReplacement(out, Matcher.quoteReplacement("\"text\":\"\\u0000"));
            }
            m.appendTail(out);
            return out.toString();
        };
        try (OpenAiTestServers.FailingProxy proxy = new OpenAiTestServers.FailingProxy(self(), 0, withNul)) {
            ModelSnapshot remote = remote(backend(List.of(proxy.url())));
            SamplingSettings settings =
                    SamplingSettings.defaults().withMaxNewTokens(20).withSeed(42L);
            GenerationResult direct = asAdmin(
                    () -> models.generate(local.id(), PROMPT, settings, d -> {}).join());
            GenerationResult batched = asAdmin(() -> models.generateAll(remote.id(), List.of(PROMPT), settings))
                    .getFirst();
            List<String> deltas = new CopyOnWriteArrayList<>();
            GenerationResult streamed = asAdmin(() ->
                    models.generate(remote.id(), PROMPT, settings, deltas::add).join());
            assertThat(injected.get()).as("NULs the server sent").isGreaterThan(1);
            assertThat(direct.text()).isNotEmpty();
            assertThat(batched.text()).isEqualTo(direct.text());
            assertThat(streamed.text()).isEqualTo(direct.text());
            assertThat(String.join("", deltas)).isEqualTo(direct.text());

            // PostgreSQL refuses NUL in text and \u0000 in jsonb: both columns take the texts as they came
            String json =
                    JSON.writeValueAsString(java.util.Map.of("batched", batched.text(), "streamed", streamed.text()));
            Record2<String, JSONB> stored = dsl.transactionResult(tx -> {
                tx.dsl().execute("create temporary table model_text (body text, doc jsonb) on commit drop");
                tx.dsl().execute("insert into model_text values (?, cast(? as jsonb))", streamed.text(), json);
                return tx.dsl()
                        .resultQuery("select body, doc from model_text")
                        .coerce(DSL.field("body", String.class), DSL.field("doc", JSONB.class))
                        .fetchSingle();
            });
            assertThat(stored.value1()).isEqualTo(direct.text());
            assertThat(JSON.readTree(stored.value2().data()).get("batched").asString())
                    .isEqualTo(direct.text());
        }
    }

    @Test
    void aServerThatNeverAnswersGivesAClearTimeoutError() throws Exception {
        try (OpenAiTestServers.SilentServer silent = new OpenAiTestServers.SilentServer()) {
            ModelSnapshot remote = remote(
                    RemoteBackend.of(List.of(silent.url()), "anything", null).withLimits(2, Duration.ofSeconds(1), 1));
            long start = System.nanoTime();
            Throwable failure = catchThrowable(() -> asAdmin(() -> models.generateAll(
                    remote.id(), List.of(PROMPT), SamplingSettings.defaults().withMaxNewTokens(4))));
            assertThat(failure)
                    .isInstanceOf(RemoteModelException.class)
                    .hasMessageContaining(remote.name())
                    .hasMessageContaining(silent.url() + "/completions")
                    .hasMessageContaining("no answer within 1 s (timeout)");
            assertThat(((RemoteModelException) failure).retryable()).isTrue();
            assertThat(silent.connections.get()).isGreaterThanOrEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void aUrlThatKeepsFailingIsTakenOutAndTheErrorSaysSo() {
        URI dead = URI.create("http://127.0.0.1:9/v1");
        ModelSnapshot remote =
                remote(RemoteBackend.of(List.of(dead), "anything", null).withLimits(2, Duration.ofSeconds(5), 2));
        Throwable failure = catchThrowable(() -> asAdmin(() -> models.generateAll(
                remote.id(), List.of(PROMPT), SamplingSettings.defaults().withMaxNewTokens(4))));
        assertThat(failure)
                .isInstanceOf(RemoteModelException.class)
                .hasMessageContaining("3 attempt(s)")
                .hasMessageContaining("cannot connect")
                .hasMessageContaining("taken out until");
        BackendHealth health = asAdmin(() -> registry.backendHealth()).stream()
                .filter(h -> h.snapshot().equals(remote.name()))
                .findFirst()
                .orElseThrow();
        assertThat(health.outUntil()).isNotNull();
        assertThat(health.failures()).isEqualTo(3);
        assertThat(health.reachable()).isFalse();
    }

    @Test
    void healthListsReachableServersAndTheirModels() {
        ModelSnapshot remote = remote(backend(List.of(self(), URI.create("http://127.0.0.1:9"))));
        List<BackendHealth> health = asAdmin(() -> registry.backendHealth()).stream()
                .filter(h -> h.snapshot().equals(remote.name()))
                .toList();
        assertThat(health).hasSize(2);
        assertThat(health.get(0).reachable()).isTrue();
        assertThat(health.get(0).serves(local.name())).isTrue();
        assertThat(health.get(1).reachable()).isFalse();
        assertThat(health.get(1).message()).contains("connect");
    }

    private HttpResponse<String> post(String path, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(self().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        return http.send(
                HttpRequest.newBuilder(self().resolve(path))
                        .header("Authorization", "Bearer " + bearer)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
