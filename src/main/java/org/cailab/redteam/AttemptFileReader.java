package org.cailab.redteam;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.cailab.base.InputTooLargeException;
import org.cailab.base.SizeLimitedInputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a file of red-team attempts in the shape of hh-rlhf's {@code red_team_attempts.jsonl.gz}: one JSON array of
 * records (despite the name), gzip-compressed or not (told by the first two bytes); one record per line is read as
 * well. Streams: only one record is in memory at a time, whatever the file's size.
 *
 * <p>A record needs a {@code transcript} (text) and a {@code rating} (a number from 0 to 4); the other known fields
 * ({@code task_description}, {@code task_descripton_harmlessness_score} [sic], {@code min_harmlessness_score_transcript},
 * {@code model_type}, {@code num_params}, {@code red_team_member_id}, {@code is_upworker}, {@code tags}) are optional but
 * must have the right type when present. Unknown fields are kept in the record's JSON text.
 */
final class AttemptFileReader {

    /** Problems reported at most; the first one already means that nothing is imported. */
    static final int MAX_PROBLEMS = 20;
    /** The most data one import reads after decompression (the published file is about 100 MB): fails early beyond. */
    static final long MAX_DATA_BYTES = 1L << 30;

    /** The longest string in a record (a transcript): the published file's longest is a few KB. */
    static final int MAX_STRING_CHARS = 4 << 20;

    private static final JsonMapper MAPPER = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
                    .streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder()
                            .maxStringLength(MAX_STRING_CHARS)
                            .build())
                    .build())
            .build();
    private static final int BUFFER = 64 * 1024;

    /** Receives the records in file order, but only as long as no record was malformed. */
    @FunctionalInterface
    interface Sink {
        void accept(ImportedRecord record);
    }

    /** The records read, and the malformed ones (empty when the whole file is good). */
    record Result(long records, List<MalformedRecord> problems) {}

    private AttemptFileReader() {}

    static Result read(InputStream in, Sink sink) {
        List<MalformedRecord> problems = new ArrayList<>();
        long index = 0;
        boolean inRecord = false;
        try (JsonParser parser = MAPPER.createParser(
                new SizeLimitedInputStream(decompressed(in), MAX_DATA_BYTES, "The file (after decompression)"))) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return new Result(0, List.of(new MalformedRecord(-1, "The file is empty.")));
            }
            boolean array = token == JsonToken.START_ARRAY;
            if (!array && token != JsonToken.START_OBJECT) {
                return new Result(
                        0,
                        List.of(
                                new MalformedRecord(
                                        -1,
                                        "The file must hold one JSON array of red-team attempts (or one JSON object per line).")));
            }
            if (array) {
                token = parser.nextToken();
            }
            while (token != null && token != JsonToken.END_ARRAY && problems.size() < MAX_PROBLEMS) {
                inRecord = true;
                JsonNode node = parser.readValueAsTree();
                inRecord = false;
                String problem = null;
                ImportedRecord record = null;
                try {
                    record = toRecord(index, node);
                } catch (RecordProblem e) {
                    problem = e.getMessage();
                }
                if (problem != null) {
                    problems.add(new MalformedRecord(index, problem));
                } else if (problems.isEmpty()) {
                    sink.accept(record);
                }
                index++;
                token = parser.nextToken();
            }
            if (array && token == null && problems.isEmpty()) {
                problems.add(cutOff(index));
            } else if (array && token == JsonToken.END_ARRAY && parser.nextToken() != null) {
                problems.add(
                        new MalformedRecord(-1, "There is more after the array's end; the file must hold one array."));
            }
        } catch (tools.jackson.core.exc.StreamConstraintsException e) {
            problems.add(new MalformedRecord(index, "the record is too large (" + e.getOriginalMessage() + ")"));
        } catch (JacksonException e) {
            if (!inRecord && e.getOriginalMessage().startsWith("Unexpected end-of-input")) {
                problems.add(cutOff(index));
            } else {
                problems.add(new MalformedRecord(index, "not valid JSON (" + describe(e) + ")"));
            }
        } catch (UncheckedIOException e) {
            problems.add(new MalformedRecord(
                    -1, "The file cannot be read: " + e.getCause().getMessage()));
        } catch (InputTooLargeException e) {
            problems.add(new MalformedRecord(-1, e.getMessage()));
        }
        return new Result(index, List.copyOf(problems));
    }

    private static MalformedRecord cutOff(long records) {
        return new MalformedRecord(
                -1, "The file ends after record " + (records - 1) + " without closing its array: it may be cut off.");
    }

    /** The stream itself, or its decompressed content when it starts with gzip's magic bytes 1f 8b. */
    static InputStream decompressed(InputStream raw) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
            buffered.mark(2);
            int first = buffered.read();
            int second = buffered.read();
            buffered.reset();
            return first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered, BUFFER) : buffered;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(JacksonException e) {
        if (e.getCause() instanceof IOException io) {
            return "the file cannot be read: " + io.getMessage();
        }
        TokenStreamLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 0
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return (newline > 0 ? message.substring(0, newline) : message) + where;
    }

    static ImportedRecord toRecord(long index, JsonNode node) {
        if (!(node instanceof ObjectNode record)) {
            throw new RecordProblem("not a JSON object");
        }
        String original = MAPPER.writeValueAsString(record);
        if (original.contains("\\u0000")) {
            // PostgreSQL's jsonb and text cannot hold NUL: the only change made to a record
            replaceNul(record);
            original = MAPPER.writeValueAsString(record);
        }
        String transcript = text(record, "transcript");
        if (transcript == null || transcript.isBlank()) {
            throw new RecordProblem("\"transcript\" is missing or empty");
        }
        JsonNode rating = record.get("rating");
        if (rating == null || !rating.isNumber()) {
            throw new RecordProblem("\"rating\" is missing or not a number");
        }
        double value = rating.doubleValue();
        if (!(value >= RatingScale.MIN && value <= RatingScale.MAX)) {
            throw new RecordProblem("\"rating\" is " + rating + ", outside 0 to 4");
        }
        String task = text(record, "task_description");
        Double taskScore = number(
                record,
                record.has("task_descripton_harmlessness_score")
                        ? "task_descripton_harmlessness_score"
                        : "task_description_harmlessness_score");
        return new ImportedRecord(
                index,
                transcript,
                value,
                task == null ? "" : task,
                taskScore,
                number(record, "min_harmlessness_score_transcript"),
                scalar(record, "model_type"),
                scalar(record, "num_params"),
                scalar(record, "red_team_member_id"),
                bool(record, "is_upworker"),
                tags(record),
                original);
    }

    private static @Nullable String text(ObjectNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new RecordProblem("\"" + field + "\" is not text");
        }
        return value.stringValue();
    }

    private static @Nullable Double number(ObjectNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new RecordProblem("\"" + field + "\" is not a number");
        }
        return value.doubleValue();
    }

    /** Text, or the text of a number (model sizes and member ids are written either way). */
    private static @Nullable String scalar(ObjectNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() && !value.isNumber() && !value.isBoolean()) {
            throw new RecordProblem("\"" + field + "\" is not text or a number");
        }
        return value.asString();
    }

    private static @Nullable Boolean bool(ObjectNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new RecordProblem("\"" + field + "\" is not true or false");
        }
        return value.booleanValue();
    }

    private static @Nullable List<String> tags(ObjectNode record) {
        JsonNode value = record.get("tags");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new RecordProblem("\"tags\" is not a list");
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : value.values()) {
            if (tag.isObject() || tag.isArray()) {
                throw new RecordProblem("\"tags\" holds something other than text");
            }
            tags.add(tag.isNull() ? "" : tag.asString());
        }
        return tags;
    }

    private static void replaceNul(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : List.copyOf(object.properties())) {
                if (entry.getValue().isString()) {
                    object.put(entry.getKey(), Texts.storable(entry.getValue().stringValue()));
                } else {
                    replaceNul(entry.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isString()) {
                    array.set(i, Texts.storable(array.get(i).stringValue()));
                } else {
                    replaceNul(array.get(i));
                }
            }
        }
    }

    /** A malformed record; its message says what is wrong. */
    private static final class RecordProblem extends RuntimeException {
        RecordProblem(String message) {
            super(message, null, false, false);
        }
    }
}
