package org.cailab.model;

import org.jspecify.annotations.Nullable;

/**
 * A request to our OpenAI-compatible API that is refused, with what the OpenAI API puts in its error body: HTTP
 * status, {@code type} ({@code invalid_request_error}, ...), {@code param} and {@code code}.
 */
class OpenAiApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final @Nullable String param;
    private final @Nullable String code;

    OpenAiApiException(int status, String type, String message, @Nullable String param, @Nullable String code) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    static OpenAiApiException invalid(@Nullable String param, String message) {
        return new OpenAiApiException(400, "invalid_request_error", message, param, null);
    }

    static OpenAiApiException unknownModel(String model) {
        return new OpenAiApiException(
                404,
                "invalid_request_error",
                "The model '" + model + "' does not exist (GET /v1/models lists the served models).",
                "model",
                "model_not_found");
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    @Nullable
    String param() {
        return param;
    }

    @Nullable
    String code() {
        return code;
    }
}
