package org.cailab.promptset;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cailab.base.InputTooLargeException;
import org.cailab.base.SizeLimitedInputStream;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a prompt file completely before anything is stored, so an import is all-or-nothing: the first bad line
 * stops it with a {@link PromptImportException} naming that line. Gzip is recognised by its magic bytes; text must
 * be UTF-8. Prompts are de-duplicated by their whole conversation, keeping the first.
 */
final class PromptParser {

    /** The result of reading a file. */
    record Parsed(List<ParsedPrompt> prompts, int recordsRead, int duplicatesSkipped) {}

    /** A prompt before it is stored. */
    record ParsedPrompt(List<Turn> turns, Map<String, Object> metadata) {
        String transcript() {
            return Prompt.transcript(turns);
        }
    }

    /**
     * The most data one import reads (after decompression): the whole published red-team file is about 100 MB, the
     * hh-rlhf training files about 150 MB. A file over this fails as soon as the limit is passed.
     */
    static final long MAX_DATA_BYTES = 1L << 30;
    /** The longest line (plain text, JSONL) or JSON string (a transcript) accepted. */
    static final int MAX_RECORD_BYTES = 4 << 20;

    private static final JsonMapper JSON = JsonMapper.shared();
    /** Reads one array element at a time, so the rest of the array is not a "trailing token". */
    private static final JsonMapper STREAMING_JSON = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
                    .streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder()
                            .maxStringLength(MAX_RECORD_BYTES)
                            .build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Map<String, ParsedPrompt> prompts = new LinkedHashMap<>();
    private int recordsRead;
    private int duplicates;

    private PromptParser() {}

    static Parsed parse(InputStream input, PromptFormat format, PromptExtraction extraction) {
        PromptParser parser = new PromptParser();
        try (InputStream data =
                new SizeLimitedInputStream(decompressed(input), MAX_DATA_BYTES, "The file (after decompression)")) {
            switch (format) {
                case HH_RLHF_JSONL -> parser.readPairs(new Utf8Lines(data, MAX_RECORD_BYTES), extraction);
                case RED_TEAM_ATTEMPTS -> parser.readRedTeamAttempts(data, extraction);
                case PLAIN_TEXT -> parser.readLines(new Utf8Lines(data, MAX_RECORD_BYTES));
            }
        } catch (InputTooLargeException e) {
            throw new PromptImportException(e.getMessage());
        } catch (IOException e) {
            throw new PromptImportException(0, "The file could not be read: " + e.getMessage(), e);
        }
        if (parser.prompts.isEmpty()) {
            throw new PromptImportException("The file contains no prompts.");
        }
        return new Parsed(List.copyOf(parser.prompts.values()), parser.recordsRead, parser.duplicates);
    }

    private void readPairs(Utf8Lines lines, PromptExtraction extraction) {
        for (String line; (line = lines.next()) != null; ) {
            int lineNumber = lines.number();
            if (line.isBlank()) {
                continue;
            }
            JsonNode pair;
            try {
                pair = JSON.readTree(line);
            } catch (JacksonException e) {
                throw new PromptImportException(lineNumber, "not valid JSON: " + e.getOriginalMessage());
            }
            if (!pair.isObject()) {
                throw new PromptImportException(lineNumber, "expected a JSON object with \"chosen\" and \"rejected\"");
            }
            recordsRead++;
            // both transcripts share every human turn; the prompts come from the chosen one
            List<Turn> turns = transcript(pair, "chosen", lineNumber, "");
            addAll(turns, extraction, Map.of("source_line", lineNumber));
        }
    }

    private void readRedTeamAttempts(InputStream data, PromptExtraction extraction) {
        int record = 0;
        int line = 1;
        // Jackson reads the bytes itself, so invalid UTF-8 is reported with its line like any other JSON error
        try (JsonParser parser = STREAMING_JSON.createParser(data)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_ARRAY) {
                throw new PromptImportException(line(parser), "expected one JSON array of red-team attempts");
            }
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                line = line(parser);
                record++;
                if (token == null) {
                    throw new PromptImportException(line, "the JSON array is not closed");
                }
                if (token != JsonToken.START_OBJECT) {
                    throw new PromptImportException(line, "record " + record + " is not a JSON object");
                }
                JsonNode attempt = STREAMING_JSON.readTree(parser);
                recordsRead++;
                List<Turn> turns = transcript(attempt, "transcript", line, "record " + record + ": ");
                addAll(turns, extraction, redTeamMetadata(attempt, record));
            }
            if (parser.nextToken() != null) {
                throw new PromptImportException(line(parser), "unexpected content after the JSON array");
            }
        } catch (tools.jackson.core.exc.StreamConstraintsException e) {
            throw new PromptImportException(
                    line, "record " + record + " is too large (" + e.getOriginalMessage() + ")");
        } catch (JacksonException e) {
            int at = e.getLocation() != null && e.getLocation().getLineNr() > 0
                    ? e.getLocation().getLineNr()
                    : line;
            String where = record > 0 ? "record " + record + ": " : "";
            throw new PromptImportException(at, where + "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> redTeamMetadata(JsonNode attempt, int record) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source_record", record);
        copy(attempt, "rating", metadata, "rating");
        copy(attempt, "task_description", metadata, "task_description");
        // the published file spells this key "task_descripton_..."; accept the correct spelling as well
        copy(attempt, "task_descripton_harmlessness_score", metadata, "task_description_harmlessness_score");
        copy(attempt, "task_description_harmlessness_score", metadata, "task_description_harmlessness_score");
        copy(attempt, "min_harmlessness_score_transcript", metadata, "min_harmlessness_score_transcript");
        copy(attempt, "model_type", metadata, "model_type");
        copy(attempt, "num_params", metadata, "num_params");
        return metadata;
    }

    private static void copy(JsonNode from, String key, Map<String, Object> to, String as) {
        JsonNode value = from.get(key);
        if (value == null || value.isNull()) {
            return;
        }
        to.put(as, value.isNumber() ? value.numberValue() : value.asString());
    }

    private void readLines(Utf8Lines lines) {
        for (String line; (line = lines.next()) != null; ) {
            int lineNumber = lines.number();
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            recordsRead++;
            add(List.of(Turn.human(text)), Map.of("source_line", lineNumber));
        }
    }

    private static List<Turn> transcript(JsonNode node, String key, int line, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isString()) {
            throw new PromptImportException(line, where + "no \"" + key + "\" transcript (a JSON string)");
        }
        try {
            return Conversation.parseLenient(value.stringValue()).turns();
        } catch (IllegalArgumentException e) {
            throw new PromptImportException(
                    line, where + "\"" + key + "\" is not an hh-rlhf transcript: " + e.getMessage());
        }
    }

    private void addAll(List<Turn> turns, PromptExtraction extraction, Map<String, Object> metadata) {
        for (List<Turn> prompt : prompts(turns, extraction)) {
            add(prompt, metadata);
        }
    }

    /**
     * The prompts a conversation yields: its first human turn, or every prefix that ends in a (non-empty) human
     * turn. An empty human turn asks nothing, so it yields no prompt.
     */
    static List<List<Turn>> prompts(List<Turn> turns, PromptExtraction extraction) {
        List<List<Turn>> prompts = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            if (turn.speaker() == Turn.Speaker.HUMAN && !turn.text().isBlank()) {
                prompts.add(List.copyOf(turns.subList(0, i + 1)));
            }
            if (extraction == PromptExtraction.FIRST_HUMAN_TURN && turn.speaker() == Turn.Speaker.HUMAN) {
                break;
            }
        }
        return prompts;
    }

    private void add(List<Turn> turns, Map<String, Object> metadata) {
        ParsedPrompt prompt = new ParsedPrompt(turns, metadata);
        if (prompts.putIfAbsent(prompt.transcript(), prompt) != null) {
            duplicates++;
        }
    }

    private static int line(JsonParser parser) {
        return Math.max(1, parser.currentTokenLocation().getLineNr());
    }

    private static InputStream decompressed(InputStream input) throws IOException {
        return Utf8Lines.decompressed(input);
    }
}
