package org.cailab.slcai;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cailab.pipeline.RunException;

/** Which revisions of a chain an SL dataset at round {@code n} holds. */
public enum SlDatasetRounds {

    /**
     * The paper's SL-CAI-{@code n} (the default): the revisions of every round from 1 to {@code n}, one example each,
     * so {@code n} examples per red-team chain (at round 0: the initial response).
     */
    ALL("all"),
    /** Only the response after round {@code n}: one example per chain. */
    LAST("last");

    private final String parameter;

    SlDatasetRounds(String parameter) {
        this.parameter = parameter;
    }

    /** The name in the API's {@code rounds} parameter and in file names. */
    public String parameter() {
        return parameter;
    }

    /** The choice of a {@code rounds} parameter. */
    public static SlDatasetRounds parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(r -> r.parameter.equals(value))
                .findFirst()
                .orElseThrow(() -> new RunException("Unknown rounds \"" + text + "\"; use one of "
                        + Arrays.stream(values())
                                .map(SlDatasetRounds::parameter)
                                .collect(Collectors.joining(", "))
                        + "."));
    }
}
