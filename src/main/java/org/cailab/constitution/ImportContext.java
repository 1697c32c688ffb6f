package org.cailab.constitution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reading one file: typed access to JSON/YAML tree fields that fails with the file and entry named, and
 * the notes about tolerated deviations.
 */
final class ImportContext {

    private final String file;
    private final List<String> notes = new ArrayList<>();

    ImportContext(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    List<String> notes() {
        return notes;
    }

    void note(String entry, String deviation) {
        notes.add(file + ", " + entry + ": " + deviation);
    }

    ConstitutionImportException fail(@Nullable String entry, String problem) {
        return new ConstitutionImportException(file, entry, problem);
    }

    JsonNode array(JsonNode node, @Nullable String entry, String what) {
        if (!node.isArray()) {
            throw fail(entry, what + " must be a list, found " + kind(node));
        }
        return node;
    }

    JsonNode object(JsonNode node, @Nullable String entry, String what) {
        if (!node.isObject()) {
            throw fail(entry, what + " must be an object, found " + kind(node));
        }
        return node;
    }

    String string(JsonNode node, @Nullable String entry, String what) {
        if (!node.isString()) {
            throw fail(entry, what + " must be a string, found " + kind(node));
        }
        return node.stringValue();
    }

    /** A required field of an object. */
    JsonNode field(JsonNode object, String entry, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            throw fail(entry, "missing \"" + name + "\"");
        }
        return value;
    }

    String stringField(JsonNode object, String entry, String name) {
        return string(field(object, entry, name), entry, "\"" + name + "\"");
    }

    @Nullable
    String optionalStringField(JsonNode object, String entry, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : string(value, entry, "\"" + name + "\"");
    }

    boolean booleanField(JsonNode object, String entry, String name, boolean absent) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw fail(entry, "\"" + name + "\" must be true or false, found " + kind(value));
        }
        return value.booleanValue();
    }

    /** Refuses fields outside the given set, so that a misspelt field is not silently dropped. */
    void onlyFields(JsonNode object, String entry, Set<String> allowed) {
        for (String name : object.propertyNames()) {
            if (!allowed.contains(name)) {
                throw fail(
                        entry,
                        "unknown field \"" + name + "\" (expected "
                                + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    /** Runs a domain check and fails on its first problem. */
    <T> T checked(T value, String entry, Function<T, List<String>> check) {
        List<String> problems = check.apply(value);
        if (!problems.isEmpty()) {
            throw fail(
                    entry,
                    problems.getFirst() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        return value;
    }

    /** A parse step of a prompt format whose {@link IllegalArgumentException} becomes an import failure. */
    <T> T parsing(String entry, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw fail(entry, e.getMessage());
        }
    }

    static String kind(JsonNode node) {
        if (node.isString()) {
            return "a string";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isNull() ? "null" : node.getNodeType().toString().toLowerCase();
    }
}
