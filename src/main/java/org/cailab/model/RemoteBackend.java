package org.cailab.model;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a snapshot is served when it is not a local directory: one or more OpenAI-compatible servers (vLLM, SGLang,
 * TGI, another cailab) that serve it under {@code servedModel}.
 *
 * @param baseUrls       the servers' API roots, each ending in {@code /v1} (added when missing); several URLs spread
 *                       the work, least busy first
 * @param servedModel    the {@code model} name the servers expect (vLLM: {@code --served-model-name})
 * @param apiKeyEnv      the NAME of the environment variable holding the API key sent as {@code Bearer}, or null; the
 *                       key itself is never stored
 * @param maxConcurrency requests in flight to this backend at once, over all its URLs
 * @param timeout        how long one attempt waits for the server to answer
 * @param maxRetries     further attempts after a 429, 5xx, timeout or connection error
 * @param scoring        how continuations are scored, see {@link Scoring}
 */
public record RemoteBackend(
        List<URI> baseUrls,
        String servedModel,
        @Nullable String apiKeyEnv,
        int maxConcurrency,
        Duration timeout,
        int maxRetries,
        Scoring scoring) {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** How a server is asked for the log-probabilities of a continuation's tokens. */
    public enum Scoring {
        /** {@code echo: true, max_tokens: 0, logprobs: 0}: the legacy OpenAI way; our own server. */
        ECHO("echo"),
        /** As {@link #ECHO} with {@code max_tokens: 1} (the one sampled token is ignored): servers refusing 0. */
        ECHO_ONE_TOKEN("echo-one-token"),
        /** vLLM's {@code prompt_logprobs: 0} with {@code max_tokens: 1}. */
        PROMPT_LOGPROBS("prompt-logprobs");

        private final String value;

        Scoring(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static Scoring parse(String value) {
            for (Scoring s : values()) {
                if (s.value.equalsIgnoreCase(value.strip()) || s.name().equalsIgnoreCase(value.strip())) {
                    return s;
                }
            }
            throw new ModelRegistrationException(
                    "Scoring must be echo, echo-one-token or prompt-logprobs, not '" + value + "'.");
        }
    }

    public RemoteBackend {
        if (baseUrls == null || baseUrls.isEmpty() || baseUrls.size() > 64) {
            throw new ModelRegistrationException("A remote backend needs 1 to 64 base URLs.");
        }
        List<URI> normalized = new ArrayList<>();
        for (URI url : baseUrls) {
            normalized.add(normalize(url));
        }
        baseUrls = List.copyOf(normalized);
        if (servedModel == null || servedModel.isBlank() || servedModel.length() > 200) {
            throw new ModelRegistrationException("A remote backend needs the served model name (1-200 characters).");
        }
        servedModel = servedModel.strip();
        if (apiKeyEnv != null && apiKeyEnv.isBlank()) {
            apiKeyEnv = null;
        }
        if (apiKeyEnv != null && !ENV_NAME.matcher(apiKeyEnv.strip()).matches()) {
            throw new ModelRegistrationException("'" + apiKeyEnv + "' is not an environment variable name: give the"
                    + " NAME of the variable that holds the API key (e.g. VLLM_API_KEY), never the key itself.");
        }
        apiKeyEnv = apiKeyEnv == null ? null : apiKeyEnv.strip();
        if (maxConcurrency < 1 || maxConcurrency > 4096) {
            throw new ModelRegistrationException("Concurrency must be between 1 and 4096, was " + maxConcurrency + ".");
        }
        if (timeout == null
                || timeout.compareTo(Duration.ofSeconds(1)) < 0
                || timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new ModelRegistrationException("The timeout must be between 1 s and 1 h, was " + timeout + ".");
        }
        if (maxRetries < 0 || maxRetries > 20) {
            throw new ModelRegistrationException("Retries must be between 0 and 20, was " + maxRetries + ".");
        }
        if (scoring == null) {
            scoring = Scoring.ECHO;
        }
    }

    /** Defaults: 16 requests at once, 120 s per attempt, 3 retries, echo scoring. */
    public static RemoteBackend of(List<URI> baseUrls, String servedModel, @Nullable String apiKeyEnv) {
        return new RemoteBackend(baseUrls, servedModel, apiKeyEnv, 16, Duration.ofSeconds(120), 3, Scoring.ECHO);
    }

    public RemoteBackend withLimits(int concurrency, Duration attemptTimeout, int retries) {
        return new RemoteBackend(baseUrls, servedModel, apiKeyEnv, concurrency, attemptTimeout, retries, scoring);
    }

    public RemoteBackend withScoring(Scoring newScoring) {
        return new RemoteBackend(baseUrls, servedModel, apiKeyEnv, maxConcurrency, timeout, maxRetries, newScoring);
    }

    /** The text shown as the snapshot's location. */
    public String location() {
        return "openai-compatible: " + servedModel + " @ "
                + String.join(", ", baseUrls.stream().map(URI::toString).toList());
    }

    /** Parses one URL a line (or comma separated), as typed in the registration form or configuration. */
    public static List<URI> parseUrls(String text) {
        List<URI> urls = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                try {
                    urls.add(URI.create(part.strip()));
                } catch (IllegalArgumentException e) {
                    throw new ModelRegistrationException("'" + part.strip() + "' is not a URL: " + e.getMessage());
                }
            }
        }
        return urls;
    }

    private static URI normalize(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new ModelRegistrationException(
                    "'" + url + "' is not an http(s) URL such as http://gpu-host:8000/v1.");
        }
        String s = url.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s.endsWith("/v1") ? s : s + "/v1");
    }
}
