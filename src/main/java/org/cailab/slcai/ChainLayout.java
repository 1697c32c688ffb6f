package org.cailab.slcai;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cailab.pipeline.RunException;

/**
 * What a critique/revision round sees of the rounds before it. A run records its layout; every chain repeats it.
 */
public enum ChainLayout {

    /**
     * The paper's layout (the default): round {@code k} sees the few-shots, the conversation with revision
     * {@code k-1} as the assistant's response (the initial response for round 1), and round {@code k}'s critique
     * request, not the earlier critiques and revisions. The paper pieces "the initial prompt and the revised response
     * together", so each round has the shape of its one-round few-shot examples.
     */
    PAIR("pair"),
    /**
     * Our variant: round {@code k} sees the whole chain so far (every earlier critique request, critique, revision
     * request and revision) after the conversation with the initial response. Runs recorded before layouts existed
     * were made this way.
     */
    CUMULATIVE("cumulative");

    private final String parameter;

    ChainLayout(String parameter) {
        this.parameter = parameter;
    }

    /** The name in a run's parameters, the chain JSON and the browser. */
    public String parameter() {
        return parameter;
    }

    /** The layout named by a run parameter; a clear error for anything else. */
    public static ChainLayout parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(l -> l.parameter.equals(value))
                .findFirst()
                .orElseThrow(() -> new RunException("Chain layout must be one of "
                        + Arrays.stream(values()).map(ChainLayout::parameter).collect(Collectors.joining(", "))
                        + ", not \"" + text + "\"."));
    }
}
