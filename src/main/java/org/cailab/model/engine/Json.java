package org.cailab.model.engine;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the engine (Jackson 3: thread-safe, unchecked exceptions). */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}
}
