package org.cailab.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads multiple-choice evaluation files: JSON lines {@code {"prompt": ..., "corrects": [...], "incorrects":
 * [...]}} (other fields, such as the paper's {@code text_correct}, are ignored; blank lines are skipped). The whole
 * file is checked before anything is evaluated, and the first problem stops it with the file and line.
 */
public final class EvalFileReader {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private EvalFileReader() {}

    /** Reads every item of a file. */
    public static List<EvalItem> read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new EvalFileException(file.toString(), 0, "cannot be read as UTF-8 text: " + e.getMessage());
        }
    }

    /** Reads every item; {@code name} names the source in errors. */
    public static List<EvalItem> read(String name, Reader source) throws IOException {
        BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source);
        List<EvalItem> items = new ArrayList<>();
        String text;
        int line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            if (!text.isBlank()) {
                items.add(item(name, line, text));
            }
        }
        if (items.isEmpty()) {
            throw new EvalFileException(name, line, "the file has no items");
        }
        return items;
    }

    /**
     * The {@code text_correct} / {@code text_incorrect} transcript pairs of a file's lines, in file order, when every
     * non-blank line has both as strings (the paper's HHH file does); empty otherwise. Call after {@link #read} has
     * accepted the file.
     */
    public static java.util.List<TranscriptPair> transcriptPairs(String text) {
        List<TranscriptPair> pairs = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JacksonException e) {
                return List.of();
            }
            if (node == null
                    || !node.path("text_correct").isString()
                    || !node.path("text_incorrect").isString()) {
                return List.of();
            }
            pairs.add(new TranscriptPair(
                    node.get("text_correct").asString(),
                    node.get("text_incorrect").asString()));
        }
        return pairs;
    }

    static EvalItem item(String name, int line, String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new EvalFileException(name, line, "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new EvalFileException(name, line, "expected a JSON object with prompt, corrects and incorrects");
        }
        JsonNode prompt = node.get("prompt");
        if (prompt == null || !prompt.isString()) {
            throw new EvalFileException(name, line, "\"prompt\" must be a string");
        }
        List<String> corrects = strings(name, line, node, "corrects");
        List<String> incorrects = strings(name, line, node, "incorrects");
        if (corrects.isEmpty() && incorrects.isEmpty()) {
            throw new EvalFileException(name, line, "the item has no options (corrects and incorrects are empty)");
        }
        if (corrects.isEmpty()) {
            throw new EvalFileException(name, line, "the item has no correct option");
        }
        Set<String> seen = new HashSet<>();
        for (String option : corrects) {
            if (!seen.add(option)) {
                throw new EvalFileException(
                        name, line, "the option " + quoted(option) + " is listed twice in corrects");
            }
        }
        for (String option : incorrects) {
            if (corrects.contains(option)) {
                throw new EvalFileException(
                        name, line, "the option " + quoted(option) + " is in both corrects and incorrects");
            }
            if (!seen.add(option)) {
                throw new EvalFileException(
                        name, line, "the option " + quoted(option) + " is listed twice in incorrects");
            }
        }
        return new EvalItem(prompt.asString(), corrects, incorrects);
    }

    private static List<String> strings(String name, int line, JsonNode node, String field) {
        JsonNode array = node.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new EvalFileException(name, line, "\"" + field + "\" must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isString()) {
                throw new EvalFileException(name, line, "\"" + field + "\" must be a list of strings");
            }
            out.add(element.asString());
        }
        return out;
    }

    private static String quoted(String option) {
        return "\"" + option.replace("\n", "\\n") + "\"";
    }
}
