package org.cailab.model;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A validated {@code /v1/completions} request (chat requests are rendered into one). Parsing checks each parameter's
 * type and range and names the parameter in its error, as the OpenAI API does.
 *
 * @param logprobs       how many top alternatives per token ({@code 0} still returns each token's own log-probability);
 *                       null for none
 * @param promptLogprobs vLLM's extension: the prompt tokens' log-probabilities, in vLLM's shape; null for none
 */
record OpenAiCompletionRequest(
        String model,
        List<String> prompts,
        int maxTokens,
        double temperature,
        double topP,
        int topK,
        int n,
        List<String> stop,
        @Nullable Long seed,
        boolean stream,
        boolean includeUsage,
        @Nullable Integer logprobs,
        boolean echo,
        @Nullable Integer promptLogprobs) {

    static final int MAX_N = 16;

    static OpenAiCompletionRequest parse(JsonNode body, int defaultMaxTokens) {
        List<String> prompts = new ArrayList<>();
        JsonNode prompt = body.path("prompt");
        if (prompt.isString()) {
            prompts.add(prompt.asString());
        } else if (prompt.isArray() && !prompt.isEmpty()) {
            for (JsonNode p : prompt) {
                if (!p.isString()) {
                    throw OpenAiApiException.invalid(
                            "prompt",
                            "prompt must be a string or an array of strings"
                                    + " (token arrays are not supported here)");
                }
                prompts.add(p.asString());
            }
        } else {
            throw OpenAiApiException.invalid("prompt", "prompt is required: a string or an array of strings");
        }
        return fromCommon(body, prompts, defaultMaxTokens, List.of());
    }

    static OpenAiCompletionRequest fromCommon(
            JsonNode body, List<String> prompts, int defaultMaxTokens, List<String> extraStops) {
        String model = requiredString(body, "model");
        int maxTokens = integer(
                body,
                body.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens",
                defaultMaxTokens,
                0,
                Integer.MAX_VALUE);
        double temperature = number(body, "temperature", 1.0, 0, 2);
        double topP = number(body, "top_p", 1.0, 0, 1);
        if (topP == 0) {
            throw OpenAiApiException.invalid("top_p", "top_p must be in (0, 1], was 0");
        }
        int topK = integer(body, "top_k", 0, -1, Integer.MAX_VALUE);
        int n = integer(body, "n", 1, 1, MAX_N);
        List<String> stop = new ArrayList<>(extraStops);
        JsonNode stopNode = body.path("stop");
        if (stopNode.isString()) {
            stop.add(stopNode.asString());
        } else if (stopNode.isArray()) {
            for (JsonNode s : stopNode) {
                if (!s.isString()) {
                    throw OpenAiApiException.invalid("stop", "stop must be a string or an array of strings");
                }
                stop.add(s.asString());
            }
        } else if (!stopNode.isMissingNode() && !stopNode.isNull()) {
            throw OpenAiApiException.invalid("stop", "stop must be a string or an array of strings");
        }
        stop.removeIf(String::isEmpty);
        Long seed = null;
        if (body.hasNonNull("seed")) {
            if (!body.get("seed").isIntegralNumber()) {
                throw OpenAiApiException.invalid("seed", "seed must be an integer");
            }
            seed = body.get("seed").asLong();
        }
        boolean stream = bool(body, "stream");
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
        Integer logprobs = body.hasNonNull("logprobs") ? logprobs(body) : null;
        boolean echo = bool(body, "echo");
        Integer promptLogprobs = body.hasNonNull("prompt_logprobs") ? integer(body, "prompt_logprobs", 0, 0, 20) : null;
        if (maxTokens == 0 && !echo && promptLogprobs == null) {
            throw OpenAiApiException.invalid("max_tokens", "max_tokens must be at least 1 (0 only with echo)");
        }
        if (stream && (logprobs != null || echo || promptLogprobs != null)) {
            throw OpenAiApiException.invalid(
                    "stream",
                    "streaming with logprobs, echo or prompt_logprobs is not"
                            + " supported by this server; ask without stream");
        }
        return new OpenAiCompletionRequest(
                model,
                List.copyOf(prompts),
                maxTokens,
                temperature,
                topP,
                Math.max(0, topK),
                n,
                List.copyOf(stop),
                seed,
                stream,
                includeUsage,
                logprobs,
                echo,
                promptLogprobs);
    }

    private static Integer logprobs(JsonNode body) {
        JsonNode node = body.get("logprobs");
        if (node.isBoolean()) {
            // the chat API's form: logprobs true (+ top_logprobs)
            return node.asBoolean() ? integer(body, "top_logprobs", 0, 0, 20) : null;
        }
        return integer(body, "logprobs", 0, 0, 20);
    }

    private static String requiredString(JsonNode body, String name) {
        JsonNode node = body.path(name);
        if (!node.isString() || node.asString().isBlank()) {
            throw OpenAiApiException.invalid(name, name + " is required and must be a string");
        }
        return node.asString();
    }

    private static int integer(JsonNode body, String name, int fallback, int min, int max) {
        JsonNode node = body.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw OpenAiApiException.invalid(name, name + " must be an integer, was " + node);
        }
        int value = node.asInt();
        if (value < min || value > max) {
            throw OpenAiApiException.invalid(name, name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private static double number(JsonNode body, String name, double fallback, double min, double max) {
        JsonNode node = body.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber()) {
            throw OpenAiApiException.invalid(name, name + " must be a number, was " + node);
        }
        double value = node.asDouble();
        if (value < min || value > max || Double.isNaN(value)) {
            throw OpenAiApiException.invalid(name, name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private static boolean bool(JsonNode body, String name) {
        JsonNode node = body.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw OpenAiApiException.invalid(name, name + " must be true or false, was " + node);
        }
        return node.asBoolean();
    }
}
