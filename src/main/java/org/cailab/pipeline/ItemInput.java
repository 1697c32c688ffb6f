package org.cailab.pipeline;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One unit of work of a run: a key that is unique within the run (shown to users, at most 200 characters) and
 * its input as JSON (stored with the run, so a run never depends on data that may change later).
 */
public record ItemInput(String key, JsonNode data) {

    public ItemInput {
        Objects.requireNonNull(data, "data");
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("An item key must have 1-200 characters");
        }
    }

    /** An item whose input is {@code value} converted to JSON (records, maps, strings...). */
    public static ItemInput of(String key, Object value) {
        return new ItemInput(key, JsonMapper.shared().valueToTree(value));
    }

    /** The input converted to {@code type}. */
    public <T> T as(Class<T> type) {
        return JsonMapper.shared().treeToValue(data, type);
    }
}
