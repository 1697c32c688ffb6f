package org.cailab.slcai;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Samples to and from the JSON stored as run outputs, always with their {@code "kind"}. */
final class SlCaiJson {

    /**
     * Flags added later (truncation) are absent in older outputs: read as false instead of failing on the missing
     * primitive.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SlCaiJson() {}

    static JsonNode write(SlCaiSample sample) {
        // written through the interface type so that the "kind" property is always there
        return JSON.readTree(JSON.writerFor(SlCaiSample.class).writeValueAsString(sample));
    }

    static SlCaiSample read(JsonNode output) {
        return JSON.treeToValue(output, SlCaiSample.class);
    }
}
