package org.cailab.rating;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads battles in the public chatbot-arena JSON-lines shape, one object per line:
 * {@code {"model_a": "...", "model_b": "...", "winner": "model_a" | "model_b" | "tie" | "tie (bothbad)"}}.
 * Other fields are ignored and blank lines skipped. Battles are handed on one at a time, so memory
 * stays bounded whatever the file size when the consumer aggregates (a {@link BattleTally}).
 */
public final class ArenaBattleReader {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ArenaBattleReader() {}

    /**
     * Reads all battles of a UTF-8 file into {@code sink}.
     *
     * @return the number of battles read
     * @throws BattleFormatException on the first malformed line
     */
    public static long read(Path file, Consumer<? super Battle> sink) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, sink);
        }
    }

    /** Reads all battles from {@code in} into {@code sink}; see {@link #read(Path, Consumer)}. */
    public static long read(BufferedReader in, Consumer<? super Battle> sink) throws IOException {
        long lineNumber = 0;
        long battles = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            sink.accept(parse(line, lineNumber));
            battles++;
        }
        return battles;
    }

    /** Parses one line. */
    static Battle parse(String line, long lineNumber) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JacksonException e) {
            throw new BattleFormatException(lineNumber, "not valid JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new BattleFormatException(lineNumber, "expected a JSON object, found " + node.getNodeType());
        }
        String modelA = model(node, "model_a", lineNumber);
        String modelB = model(node, "model_b", lineNumber);
        if (modelA.equals(modelB)) {
            throw new BattleFormatException(lineNumber, "model_a and model_b are both \"" + modelA + "\"");
        }
        return new Battle(modelA, modelB, outcome(text(node, "winner", lineNumber), lineNumber));
    }

    private static String model(JsonNode node, String field, long lineNumber) {
        String name = text(node, field, lineNumber);
        if (name.isBlank()) {
            throw new BattleFormatException(lineNumber, "\"" + field + "\" is empty");
        }
        return name;
    }

    private static String text(JsonNode node, String field, long lineNumber) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new BattleFormatException(lineNumber, "missing \"" + field + "\"");
        }
        if (!value.isString()) {
            throw new BattleFormatException(
                    lineNumber, "\"" + field + "\" must be a string, found " + value.getNodeType() + " " + value);
        }
        return value.stringValue();
    }

    private static Outcome outcome(String winner, long lineNumber) {
        return switch (winner) {
            case "model_a" -> Outcome.A_WINS;
            case "model_b" -> Outcome.B_WINS;
            case "tie" -> Outcome.TIE;
            case "tie (bothbad)" -> Outcome.BOTH_BAD;
            default ->
                throw new BattleFormatException(
                        lineNumber,
                        "unknown winner \"" + winner + "\"; expected one of model_a, model_b, tie, tie (bothbad)");
        };
    }
}
