package org.cailab.slcai;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Samples to and from the JSON stored as run outputs, always with their {@code "kind"}. */
final class SlCaiJson {

    private static final JsonMapper JSON = JsonMapper.shared();

    private SlCaiJson() {
    }

    static JsonNode write(SlCaiSample sample) {
        // written through the interface type so that the "kind" property is always there
        return JSON.readTree(JSON.writerFor(SlCaiSample.class).writeValueAsString(sample));
    }

    static SlCaiSample read(JsonNode output) {
        return JSON.treeToValue(output, SlCaiSample.class);
    }
}
