package org.cailab.pipeline;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The output of one processed item, stored as JSON with the run. */
public record ItemResult(JsonNode output) {

    public ItemResult {
        Objects.requireNonNull(output, "output");
    }

    /** A result whose output is {@code value} converted to JSON. */
    public static ItemResult of(Object value) {
        return new ItemResult(JsonMapper.shared().valueToTree(value));
    }
}
