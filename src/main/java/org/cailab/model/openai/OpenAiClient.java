package org.cailab.model.openai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cailab.model.BackendHealth;
import org.cailab.model.GenerationResult;
import org.cailab.model.RemoteBackend;
import org.cailab.model.SamplingSettings;
import org.cailab.model.ScoredContinuation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generation and scoring through the OpenAI completions API of one or more servers that serve one snapshot.
 * At most {@link RemoteBackend#maxConcurrency()} requests are in flight; each goes to the least busy URL that is not
 * taken out; 429, 5xx, timeouts and connection errors are retried with exponential backoff (honouring
 * {@code Retry-After}), other errors fail at once. A URL failing {@link Endpoint#FAILURES_TO_TAKE_OUT} times in a row
 * is taken out for a while. Thread-safe; calls block (callers use virtual threads for concurrency).
 */
public final class OpenAiClient {

    private static final Logger log = LoggerFactory.getLogger(OpenAiClient.class);
    /** Prompts per scoring request: one request per item would multiply the HTTP overhead. */
    private static final int SCORING_CHUNK = 8;

    private final String name;
    private final RemoteBackend backend;
    private final List<Endpoint> endpoints;
    private final Semaphore permits;
    private final HttpClient http;
    private final Function<String, @Nullable String> environment;
    private final Duration backoff;
    private final JsonMapper json;

    /**
     * @param name        the snapshot's name, used in error messages
     * @param environment reads environment variables (the API key is read at each request, so rotating it needs
     *                    no restart of the client... only of the process whose environment changes)
     * @param backoff     the first retry's delay; doubled for each further one
     * @param takeOutFor  how long a URL that keeps failing is left out
     * @param json        the application's mapper (request bodies and replies are trees; no binding)
     */
    public OpenAiClient(
            String name,
            RemoteBackend backend,
            HttpClient http,
            Function<String, @Nullable String> environment,
            Duration backoff,
            Duration takeOutFor,
            JsonMapper json) {
        this.json = json;
        this.name = name;
        this.backend = backend;
        this.http = http;
        this.environment = environment;
        this.backoff = backoff;
        this.endpoints = backend.baseUrls().stream()
                .map(u -> new Endpoint(u, takeOutFor))
                .toList();
        this.permits = new Semaphore(backend.maxConcurrency(), true);
    }

    public RemoteBackend backend() {
        return backend;
    }

    /** Samples one continuation; streams the text to {@code onText} as it arrives when that is not null. */
    public GenerationResult generate(String prompt, SamplingSettings settings, @Nullable Consumer<String> onText) {
        long start = System.nanoTime();
        ObjectNode body = completionBody(prompt, settings);
        if (onText == null) {
            JsonNode response = post(
                    "/completions",
                    body,
                    "completion of a " + prompt.length() + "-character prompt",
                    in -> json.readTree(in));
            JsonNode choice = firstChoice(response);
            JsonNode usage = response.path("usage");
            return new GenerationResult(
                    choice.path("text").asString(""),
                    usage.path("prompt_tokens").asInt(0),
                    usage.path("completion_tokens").asInt(0),
                    choice.path("finish_reason").asString("stop"),
                    Duration.ofNanos(System.nanoTime() - start));
        }
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        StreamState state = post(
                "/completions",
                body,
                "streamed completion of a " + prompt.length() + "-character prompt",
                in -> readStream(in, onText));
        return new GenerationResult(
                state.text.toString(),
                state.promptTokens,
                state.completionTokens,
                state.finishReason,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Samples one continuation per prompt in one request ({@code prompt} as an array), so that the server can batch
     * them together; choice {@code i} gets {@code seed + i} on our server (vLLM and others give every prompt the
     * request's seed).
     */
    public List<GenerationResult> generateBatch(List<String> prompts, SamplingSettings settings) {
        long start = System.nanoTime();
        ObjectNode body = completionBody("", settings);
        ArrayNode array = body.putArray("prompt");
        prompts.forEach(array::add);
        JsonNode response =
                post("/completions", body, "completion of " + prompts.size() + " prompt(s)", in -> json.readTree(in));
        JsonNode[] choices = new JsonNode[prompts.size()];
        for (JsonNode choice : response.path("choices")) {
            int index = choice.path("index").asInt(-1);
            if (index >= 0 && index < choices.length) {
                choices[index] = choice;
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        // OpenAI's usage counts the whole request; our server adds each choice's own (an extension), others get an
        // even share of the totals
        JsonNode usage = response.path("usage");
        List<GenerationResult> results = new ArrayList<>();
        for (int i = 0; i < choices.length; i++) {
            if (choices[i] == null) {
                throw failure("the answer to a " + prompts.size() + "-prompt request has no choice " + i, true, null);
            }
            JsonNode own = choices[i].path("usage").isObject() ? choices[i].path("usage") : null;
            int promptTokens = own != null
                    ? own.path("prompt_tokens").asInt(0)
                    : usage.path("prompt_tokens").asInt(0) / prompts.size();
            int generated = own != null
                    ? own.path("completion_tokens").asInt(0)
                    : usage.path("completion_tokens").asInt(0) / prompts.size();
            results.add(new GenerationResult(
                    choices[i].path("text").asString(""),
                    promptTokens,
                    generated,
                    choices[i].path("finish_reason").asString("stop"),
                    elapsed));
        }
        return results;
    }

    /** Log-probabilities of each continuation after its prompt, from the server's log-probabilities of the text. */
    public List<ScoredContinuation> score(List<String> prompts, List<String> continuations) {
        List<ScoredContinuation> scores = new ArrayList<>();
        for (int from = 0; from < prompts.size(); from += SCORING_CHUNK) {
            int to = Math.min(prompts.size(), from + SCORING_CHUNK);
            scores.addAll(scoreChunk(prompts.subList(from, to), continuations.subList(from, to)));
        }
        return scores;
    }

    private List<ScoredContinuation> scoreChunk(List<String> prompts, List<String> continuations) {
        ObjectNode body = json.createObjectNode();
        body.put("model", backend.servedModel());
        ArrayNode texts = body.putArray("prompt");
        for (int i = 0; i < prompts.size(); i++) {
            texts.add(prompts.get(i) + continuations.get(i));
        }
        body.put("temperature", 0.0);
        if (backend.scoring() == RemoteBackend.Scoring.PROMPT_LOGPROBS) {
            body.put("max_tokens", 1);
            body.put("prompt_logprobs", 0);
        } else {
            body.put("echo", true);
            body.put("logprobs", 0);
            body.put("max_tokens", backend.scoring() == RemoteBackend.Scoring.ECHO ? 0 : 1);
        }
        JsonNode response = post(
                "/completions", body, "scoring of " + prompts.size() + " continuation(s)", in -> json.readTree(in));
        JsonNode[] choices = new JsonNode[prompts.size()];
        for (JsonNode choice : response.path("choices")) {
            int index = choice.path("index").asInt(-1);
            if (index >= 0 && index < choices.length) {
                choices[index] = choice;
            }
        }
        List<ScoredContinuation> scores = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            String prompt = prompts.get(i);
            String text = prompt + continuations.get(i);
            int boundary = prompt.codePointCount(0, prompt.length());
            int end = text.codePointCount(0, text.length());
            if (choices[i] == null) {
                throw failure("scoring: the answer has no choice " + i, false, null);
            }
            try {
                List<PromptTokens.Token> tokens = backend.scoring() == RemoteBackend.Scoring.PROMPT_LOGPROBS
                        ? promptLogprobTokens(choices[i], end)
                        : echoTokens(choices[i]);
                scores.add(PromptTokens.continuation(tokens, boundary, end));
            } catch (IllegalStateException e) {
                throw failure("scoring with " + backend.scoring().value() + ": " + e.getMessage(), false, e);
            }
        }
        return scores;
    }

    private static List<PromptTokens.Token> echoTokens(JsonNode choice) {
        JsonNode logprobs = choice.path("logprobs");
        JsonNode offsets = logprobs.path("text_offset");
        JsonNode values = logprobs.path("token_logprobs");
        if (!offsets.isArray() || !values.isArray() || offsets.size() != values.size()) {
            throw new IllegalStateException("the answer has no logprobs.text_offset / token_logprobs (does the server"
                    + " support echo with logprobs?)");
        }
        List<PromptTokens.Token> tokens = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            JsonNode v = values.get(i);
            tokens.add(new PromptTokens.Token(offsets.get(i).asInt(), v == null || v.isNull() ? null : v.asDouble()));
        }
        return tokens;
    }

    private static List<PromptTokens.Token> promptLogprobTokens(JsonNode choice, int length) {
        JsonNode entries = choice.path("prompt_logprobs");
        if (!entries.isArray()) {
            throw new IllegalStateException(
                    "the answer has no prompt_logprobs (a vLLM extension; use echo scoring" + " for other servers)");
        }
        List<@Nullable String> texts = new ArrayList<>();
        List<@Nullable Double> logprobs = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (entry == null || entry.isNull() || entry.isEmpty()) {
                texts.add(null);
                logprobs.add(null);
                continue;
            }
            // with prompt_logprobs 0 each position holds just the prompt's own token
            JsonNode token = entry.properties().iterator().next().getValue();
            texts.add(token.path("decoded_token").asString(""));
            logprobs.add(token.path("logprob").asDouble());
        }
        return PromptTokens.fromTexts(texts, logprobs, length);
    }

    /** Asks each URL (all at once) for its models, timing it; for the Models page. */
    public List<BackendHealth> health(Duration timeout) {
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<BackendHealth>> checks = endpoints.stream()
                    .map(e -> executor.submit(() -> check(e, timeout)))
                    .toList();
            List<BackendHealth> result = new ArrayList<>();
            for (var check : checks) {
                try {
                    result.add(check.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return result;
                }
            }
            return result;
        }
    }

    private BackendHealth check(Endpoint endpoint, Duration timeout) {
        long start = System.nanoTime();
        boolean reachable = false;
        List<String> models = new ArrayList<>();
        String message;
        try {
            HttpResponse<String> response = http.send(
                    request(endpoint, "/models", timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 200) {
                reachable = true;
                json.readTree(response.body())
                        .path("data")
                        .forEach(m -> models.add(m.path("id").asString("")));
                message =
                        models.contains(backend.servedModel()) ? "" : "does not serve '" + backend.servedModel() + "'";
            } else {
                message = "HTTP " + response.statusCode() + ": " + serverMessage(response.body());
            }
        } catch (IOException e) {
            message = describe(e, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            message = "interrupted";
        } catch (RuntimeException e) {
            message = e instanceof RemoteModelException ? e.getMessage() : "unreadable answer: " + e.getMessage();
        }
        long latency = (System.nanoTime() - start) / 1_000_000;
        Instant now = Instant.now();
        boolean out = endpoint.isOut(now);
        return new BackendHealth(
                name,
                endpoint.baseUrl().toString(),
                reachable,
                models,
                latency,
                endpoint.inFlight(),
                endpoint.requests(),
                endpoint.failures(),
                out ? endpoint.outUntil() : null,
                message.isEmpty() && out ? "taken out after failing: " + endpoint.lastError() : message);
    }

    /** Requests sent to each URL so far (same order as the backend's URLs). */
    public List<Long> requestsPerUrl() {
        return endpoints.stream().map(Endpoint::requests).toList();
    }

    private ObjectNode completionBody(String prompt, SamplingSettings s) {
        ObjectNode body = json.createObjectNode();
        body.put("model", backend.servedModel());
        body.put("prompt", prompt);
        body.put("max_tokens", s.maxNewTokens());
        body.put("temperature", s.temperature());
        body.put("top_p", s.topP());
        if (s.topK() > 0) {
            body.put("top_k", s.topK()); // an extension that vLLM, SGLang and our server accept
        }
        if (!s.stopSequences().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            s.stopSequences().forEach(stop::add);
        }
        if (s.seed() != null) {
            body.put("seed", s.seed());
        }
        body.put("n", 1);
        return body;
    }

    private JsonNode firstChoice(JsonNode response) {
        JsonNode choices = response.path("choices");
        return choices.isArray() && !choices.isEmpty() ? choices.get(0) : json.createObjectNode();
    }

    private static final class StreamState {
        final StringBuilder text = new StringBuilder();
        int promptTokens;
        int completionTokens;
        String finishReason = "stop";
        boolean emitted;
    }

    private StreamState readStream(InputStream in, Consumer<String> onText) throws IOException {
        StreamState state = new StreamState();
        try {
            readEvents(in, onText, state);
        } catch (IOException e) {
            if (state.emitted) {
                // text already went to the page: a retry would show it twice; the caller may try again as a whole
                throw failure(
                        "the stream broke off after " + state.text.length() + " characters: " + e.getMessage(),
                        true,
                        e);
            }
            throw e;
        }
        return state;
    }

    private void readEvents(InputStream in, Consumer<String> onText, StreamState state) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring(5).strip();
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonNode chunk = json.readTree(data);
                if (chunk.has("error")) {
                    throw new IOException("error in the stream: "
                            + chunk.path("error").path("message").asString(data));
                }
                JsonNode choice = firstChoice(chunk);
                String delta = choice.path("text").asString("");
                if (!delta.isEmpty()) {
                    state.text.append(delta);
                    state.emitted = true;
                    onText.accept(delta);
                }
                if (choice.hasNonNull("finish_reason")) {
                    state.finishReason = choice.get("finish_reason").asString();
                }
                JsonNode usage = chunk.path("usage");
                if (usage.isObject()) {
                    state.promptTokens = usage.path("prompt_tokens").asInt(state.promptTokens);
                    state.completionTokens = usage.path("completion_tokens").asInt(state.completionTokens);
                }
            }
        }
    }

    @FunctionalInterface
    private interface BodyReader<T> {
        T read(InputStream in) throws IOException;
    }

    private <T> T post(String path, ObjectNode body, String what, BodyReader<T> reader) {
        String json = this.json.writeValueAsString(body);
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(what + ": interrupted while waiting for a free slot", true, e);
        }
        try {
            return attempt(path, json, what, reader);
        } finally {
            permits.release();
        }
    }

    private <T> T attempt(String path, String json, String what, BodyReader<T> reader) {
        String lastError = "";
        Endpoint last = null;
        int attempts = backend.maxRetries() + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Endpoint endpoint = pick(last);
            last = endpoint;
            endpoint.started();
            Duration retryAfter = null;
            try {
                HttpResponse<InputStream> response = http.send(
                        request(endpoint, path, backend.timeout())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 200) {
                    T result;
                    try (InputStream in = response.body()) {
                        result = reader.read(in);
                    }
                    endpoint.succeeded();
                    return result;
                }
                String message;
                try (InputStream in = response.body()) {
                    message = serverMessage(new String(in.readNBytes(4000), StandardCharsets.UTF_8));
                }
                lastError = "HTTP " + status + ": " + message;
                if (status != 429 && status < 500) {
                    // the request itself is wrong (bad parameter, unknown model, bad key): retrying cannot help
                    throw failure(
                            what + " at " + endpoint.resolve(path) + " was refused with " + lastError, false, null);
                }
                retryAfter = response.headers()
                        .firstValue("Retry-After")
                        .flatMap(OpenAiClient::seconds)
                        .orElse(null);
            } catch (IOException e) {
                lastError = describe(e, backend.timeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(what + " at " + endpoint.resolve(path) + ": interrupted", true, e);
            } catch (RuntimeException e) {
                if (e instanceof RemoteModelException) {
                    throw e;
                }
                lastError = "unreadable answer: " + e.getMessage();
            } finally {
                endpoint.finished();
            }
            if (endpoint.failed(lastError, Instant.now())) {
                log.warn(
                        "Backend '{}': taking {} out for a while after {} failures in a row; last: {}",
                        name,
                        endpoint.baseUrl(),
                        Endpoint.FAILURES_TO_TAKE_OUT,
                        lastError);
            }
            if (attempt < attempts) {
                sleep(retryAfter != null ? retryAfter : delay(attempt));
            }
        }
        throw failure(
                what + " failed after " + attempts + " attempt(s); last at "
                        + (last == null ? "?" : last.resolve(path)) + ": " + lastError
                        + (last != null && last.isOut(Instant.now())
                                ? " (this URL is now taken out until " + last.outUntil() + ")"
                                : ""),
                true,
                null);
    }

    /** The least busy URL that is not taken out, avoiding the one that just failed when there is a choice. */
    private Endpoint pick(@Nullable Endpoint justFailed) {
        Instant now = Instant.now();
        List<Endpoint> candidates =
                endpoints.stream().filter(e -> !e.isOut(now)).toList();
        if (candidates.isEmpty()) {
            // all taken out: try the one that comes back first rather than fail without asking
            return endpoints.stream()
                    .min(Comparator.comparing(Endpoint::outUntil))
                    .orElseThrow();
        }
        if (justFailed != null && candidates.size() > 1) {
            candidates = candidates.stream().filter(e -> e != justFailed).toList();
        }
        return candidates.stream()
                .min(Comparator.comparingInt(Endpoint::inFlight)
                        .thenComparingInt(Endpoint::failuresInARow)
                        .thenComparingLong(Endpoint::requests))
                .orElseThrow();
    }

    private HttpRequest.Builder request(Endpoint endpoint, String path, Duration timeout) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(endpoint.resolve(path)).timeout(timeout);
        String variable = backend.apiKeyEnv();
        if (variable != null) {
            String key = environment.apply(variable);
            if (key == null || key.isBlank()) {
                throw failure(
                        "the environment variable " + variable + " that should hold the API key is not set",
                        false,
                        null);
            }
            builder.header("Authorization", "Bearer " + key.strip());
        }
        return builder;
    }

    private RemoteModelException failure(String message, boolean retryable, @Nullable Throwable cause) {
        return new RemoteModelException(
                "Remote backend '" + name + "' (model " + backend.servedModel() + "): " + message, retryable, cause);
    }

    private Duration delay(int attempt) {
        long base = backoff.toMillis() << Math.min(attempt - 1, 6);
        long capped = Math.min(base, 30_000);
        // jitter spreads the retries of many workers hitting the same overloaded server
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static java.util.Optional<Duration> seconds(String header) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.min(60, Math.max(0, Long.parseLong(header.strip())))));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(IOException e, Duration timeout) {
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toSeconds() + " s (timeout)";
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return "cannot connect (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        }
        return "connection error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** The error message of an OpenAI-shaped error body, or the body itself (shortened). */
    String serverMessage(String body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode error = node.path("error");
            if (error.isObject() && error.hasNonNull("message")) {
                return error.get("message").asString();
            }
            if (error.isString()) {
                return error.asString();
            }
            if (node.hasNonNull("message")) {
                return node.get("message").asString();
            }
        } catch (RuntimeException e) {
            // not JSON: show the text
        }
        String text = body.strip();
        return text.length() > 500 ? text.substring(0, 500) + "…" : text.isEmpty() ? "(empty body)" : text;
    }
}
