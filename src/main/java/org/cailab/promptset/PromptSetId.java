package org.cailab.promptset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A prompt set's database id, as other modules hold it (a run's configuration, a pipeline's). Written to JSON as the
 * bare number, so configurations stored before the type existed read the same.
 */
public record PromptSetId(@JsonValue long value) {

    @JsonCreator
    public static PromptSetId of(long value) {
        return new PromptSetId(value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
