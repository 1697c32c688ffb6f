package org.cailab.model;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAI-compatible API for other tools: {@code GET /v1/models}, {@code POST /v1/completions} and
 * {@code POST /v1/chat/completions} (messages rendered in the paper's Human/Assistant format; tokenizer chat
 * templates are not applied). Authentication: API keys as {@code Authorization: Bearer} (see the dashboard module's
 * API security). Errors are OpenAI-shaped: {@code {"error": {"message", "type", "param", "code"}}}.
 */
@RestController
class OpenAiController {

    private static final int DEFAULT_COMPLETION_TOKENS = 16;
    private static final int DEFAULT_CHAT_TOKENS = 256;

    private final OpenAiServer server;
    private final JsonMapper json;

    OpenAiController(OpenAiServer server, JsonMapper json) {
        this.server = server;
        this.json = json;
    }

    @GetMapping(path = "/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
    String models() {
        ObjectNode body = json.createObjectNode();
        body.put("object", "list");
        ArrayNode data = body.putArray("data");
        for (ModelSnapshot s : server.models()) {
            ObjectNode model = data.addObject();
            model.put("id", s.name());
            model.put("object", "model");
            model.put("created", s.createdAt().toEpochSecond());
            model.put("owned_by", "cailab");
        }
        return json.writeValueAsString(body);
    }

    @PostMapping(path = "/v1/completions")
    void completions(@RequestBody(required = false) byte @Nullable [] body, HttpServletResponse response)
            throws IOException {
        OpenAiCompletionRequest request = OpenAiCompletionRequest.parse(json(body), DEFAULT_COMPLETION_TOKENS);
        respond(request, false, response);
    }

    @PostMapping(path = "/v1/chat/completions")
    void chat(@RequestBody(required = false) byte @Nullable [] body, HttpServletResponse response) throws IOException {
        JsonNode json = json(body);
        String prompt = chatPrompt(json.path("messages"));
        OpenAiCompletionRequest request = OpenAiCompletionRequest.fromCommon(
                json, List.of(prompt), DEFAULT_CHAT_TOKENS, SamplingSettings.TURN_STOPS);
        if (request.echo() || request.promptLogprobs() != null) {
            throw OpenAiApiException.invalid("echo", "echo and prompt_logprobs are for /v1/completions");
        }
        respond(request, true, response);
    }

    @ExceptionHandler(OpenAiApiException.class)
    ResponseEntity<String> refused(OpenAiApiException e) {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", e.getMessage());
        error.put("type", e.type());
        error.put("param", e.param());
        error.put("code", e.code());
        return ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(body));
    }

    private void respond(OpenAiCompletionRequest request, boolean chat, HttpServletResponse response)
            throws IOException {
        OpenAiServer.Prepared prepared = server.prepare(request);
        String id =
                (chat ? "chatcmpl-" : "cmpl-") + UUID.randomUUID().toString().replace("-", "");
        long created = System.currentTimeMillis() / 1000;
        if (!request.stream()) {
            List<OpenAiServer.Choice> choices = await(server.run(prepared, null));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.writeValueAsString(completion(id, created, request, choices, chat)));
            return;
        }
        stream(prepared, id, created, chat, response);
    }

    private record Delta(int index, String text) {}

    private void stream(
            OpenAiServer.Prepared prepared, String id, long created, boolean chat, HttpServletResponse response)
            throws IOException {
        OpenAiCompletionRequest request = prepared.request();
        BlockingQueue<Delta> deltas = new LinkedBlockingQueue<>();
        // the engine's thread only queues; this request's thread writes, so a slow client never stalls the engine
        CompletableFuture<List<OpenAiServer.Choice>> done =
                server.run(prepared, (index, text) -> deltas.add(new Delta(index, text)));
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-cache");
        PrintWriter out = response.getWriter();
        int choicesCount = request.prompts().size() * request.n();
        boolean[] started = new boolean[choicesCount];
        boolean[] leadingSpace = new boolean[choicesCount];
        while (true) {
            Delta delta;
            try {
                delta = deltas.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (delta == null) {
                if (done.isDone() && deltas.isEmpty()) {
                    break;
                }
                continue;
            }
            String text = delta.text();
            if (chat && !leadingSpace[delta.index()]) {
                // the rendered prompt ends in "Assistant:"; the reply's first space belongs to the format
                text = text.stripLeading();
                if (text.isEmpty()) {
                    continue;
                }
                leadingSpace[delta.index()] = true;
            }
            ObjectNode chunk = chunk(id, created, request, chat);
            ObjectNode choice = chunk.withArray("choices").addObject();
            choice.put("index", delta.index());
            if (chat) {
                ObjectNode d = choice.putObject("delta");
                if (!started[delta.index()]) {
                    d.put("role", "assistant");
                }
                d.put("content", text);
                choice.putNull("logprobs");
            } else {
                choice.put("text", text);
                choice.putNull("logprobs");
            }
            choice.putNull("finish_reason");
            started[delta.index()] = true;
            send(out, chunk);
        }
        List<OpenAiServer.Choice> choices;
        try {
            choices = done.get();
        } catch (ExecutionException | InterruptedException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            ObjectNode error = json.createObjectNode();
            error.putObject("error")
                    .put("message", "generation failed: " + cause.getMessage())
                    .put("type", "server_error");
            send(out, error);
            out.write("data: [DONE]\n\n");
            out.flush();
            return;
        }
        for (OpenAiServer.Choice c : choices) {
            ObjectNode chunk = chunk(id, created, request, chat);
            ObjectNode choice = chunk.withArray("choices").addObject();
            choice.put("index", c.index());
            if (chat) {
                choice.putObject("delta");
            } else {
                choice.put("text", "");
            }
            choice.putNull("logprobs");
            choice.put("finish_reason", c.finishReason());
            send(out, chunk);
        }
        if (request.includeUsage()) {
            ObjectNode chunk = chunk(id, created, request, chat);
            chunk.putArray("choices");
            usage(chunk, choices, request);
            send(out, chunk);
        }
        out.write("data: [DONE]\n\n");
        out.flush();
    }

    private ObjectNode chunk(String id, long created, OpenAiCompletionRequest request, boolean chat) {
        ObjectNode chunk = json.createObjectNode();
        chunk.put("id", id);
        chunk.put("object", chat ? "chat.completion.chunk" : "text_completion");
        chunk.put("created", created);
        chunk.put("model", request.model());
        return chunk;
    }

    private void send(PrintWriter out, ObjectNode chunk) {
        out.write("data: " + json.writeValueAsString(chunk) + "\n\n");
        out.flush();
    }

    private ObjectNode completion(
            String id, long created, OpenAiCompletionRequest request, List<OpenAiServer.Choice> choices, boolean chat) {
        ObjectNode body = json.createObjectNode();
        body.put("id", id);
        body.put("object", chat ? "chat.completion" : "text_completion");
        body.put("created", created);
        body.put("model", request.model());
        ArrayNode array = body.putArray("choices");
        for (OpenAiServer.Choice c : choices) {
            ObjectNode choice = array.addObject();
            choice.put("index", c.index());
            if (chat) {
                ObjectNode message = choice.putObject("message");
                message.put("role", "assistant");
                message.put("content", c.text().stripLeading());
                if (c.logprobs() == null) {
                    choice.putNull("logprobs");
                } else {
                    ArrayNode content = choice.putObject("logprobs").putArray("content");
                    for (int i = 0; i < c.logprobs().tokens().size(); i++) {
                        ObjectNode token = content.addObject();
                        token.put("token", c.logprobs().tokens().get(i));
                        token.put("logprob", c.logprobs().logprobs().get(i));
                        token.putArray("top_logprobs");
                    }
                }
            } else {
                choice.put("text", c.text());
                choice.set("logprobs", c.logprobs() == null ? json.nullNode() : logprobs(c.logprobs()));
                if (c.promptLogprobs() != null) {
                    choice.set("prompt_logprobs", promptLogprobs(c.promptLogprobs()));
                }
            }
            choice.put("finish_reason", c.finishReason());
            if (!chat) {
                // an extension: each choice's own counts, so a client batching prompts can report them per prompt
                ObjectNode own = choice.putObject("usage");
                own.put("prompt_tokens", c.promptTokens());
                own.put("completion_tokens", c.completionTokens());
            }
        }
        usage(body, choices, request);
        return body;
    }

    private static void usage(ObjectNode body, List<OpenAiServer.Choice> choices, OpenAiCompletionRequest request) {
        int prompt = 0;
        int completion = 0;
        for (OpenAiServer.Choice c : choices) {
            // a prompt is counted once however many samples (n) were drawn from it
            prompt += c.index() % request.n() == 0 ? c.promptTokens() : 0;
            completion += c.completionTokens();
        }
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
    }

    /** The legacy completions shape; top_logprobs hold only the token itself (alternatives are not computed). */
    private ObjectNode logprobs(OpenAiServer.TokenLogprobs t) {
        ObjectNode node = json.createObjectNode();
        ArrayNode tokens = node.putArray("tokens");
        ArrayNode values = node.putArray("token_logprobs");
        ArrayNode top = node.putArray("top_logprobs");
        ArrayNode offsets = node.putArray("text_offset");
        for (int i = 0; i < t.tokens().size(); i++) {
            tokens.add(t.tokens().get(i));
            Double value = t.logprobs().get(i);
            if (value == null) {
                values.addNull();
                top.addNull();
            } else {
                values.add(value);
                top.addObject().put(t.tokens().get(i), value);
            }
            offsets.add(t.offsets().get(i));
        }
        return node;
    }

    /** vLLM's shape: null for the first token, then {token id: {logprob, rank, decoded_token}} per position. */
    private ArrayNode promptLogprobs(OpenAiServer.TokenLogprobs t) {
        ArrayNode array = json.createArrayNode();
        for (int i = 0; i < t.tokens().size(); i++) {
            Double value = t.logprobs().get(i);
            if (value == null) {
                array.addNull();
                continue;
            }
            ObjectNode entry =
                    array.addObject().putObject(String.valueOf(t.ids().get(i)));
            entry.put("logprob", value);
            entry.putNull("rank");
            entry.put("decoded_token", t.tokens().get(i));
        }
        return array;
    }

    private static String chatPrompt(JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty()) {
            throw OpenAiApiException.invalid("messages", "messages is required: a non-empty array");
        }
        StringBuilder system = new StringBuilder();
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asString("");
            String content = content(message.path("content"), i);
            switch (role) {
                case "system", "developer" -> system.append(content.strip()).append('\n');
                case "user" -> turns.add(Turn.human(content));
                case "assistant" -> turns.add(Turn.assistant(content));
                default ->
                    throw OpenAiApiException.invalid(
                            "messages[" + i + "].role", "role must be system, user or assistant, was '" + role + "'");
            }
        }
        // a system message has no place in the paper's format: it goes before the first turn
        return system.toString().strip() + new Conversation(turns).stripped().prompt();
    }

    private static String content(JsonNode content, int index) {
        if (content.isString()) {
            return content.asString();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (!"text".equals(part.path("type").asString(""))) {
                    throw OpenAiApiException.invalid(
                            "messages[" + index + "].content", "only text content parts are supported");
                }
                text.append(part.path("text").asString(""));
            }
            return text.toString();
        }
        throw OpenAiApiException.invalid("messages[" + index + "].content", "content must be a string");
    }

    private JsonNode json(byte @Nullable [] body) {
        if (body == null || body.length == 0) {
            throw OpenAiApiException.invalid(null, "The request needs a JSON body.");
        }
        try {
            JsonNode node = json.readTree(body);
            if (!node.isObject()) {
                throw OpenAiApiException.invalid(null, "The request body must be a JSON object.");
            }
            return node;
        } catch (JacksonException e) {
            throw OpenAiApiException.invalid(null, "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new OpenAiApiException(500, "server_error", "Generation failed: " + cause.getMessage(), null, null);
        }
    }
}
