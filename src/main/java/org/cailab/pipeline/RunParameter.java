package org.cailab.pipeline;

import java.util.Objects;

/**
 * A stage-specific setting of a run type, as the start form offers it; its value goes into {@link
 * RunConfig#parameters()} under {@code key}. The stage checks the values when it plans the run.
 *
 * @param key          the parameter's name in the configuration
 * @param label        the form field's label
 * @param defaultValue what the stage uses when the parameter is not set (shown pre-filled)
 * @param description  one sentence for the field's helper text
 */
public record RunParameter(String key, String label, String defaultValue, String description) {

    public RunParameter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
    }
}
