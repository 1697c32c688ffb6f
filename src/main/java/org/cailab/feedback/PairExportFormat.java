package org.cailab.feedback;

import java.util.Arrays;
import java.util.Locale;

/** The layouts pairs are exported in, one JSON object a line. */
public enum PairExportFormat {
    /**
     * {@code prompt} (the conversation in the paper's format, ending in {@code "\n\nAssistant:"}), {@code chosen},
     * {@code rejected}, {@code label} = probability that chosen is the better response (null: no label yet), and the
     * provenance. Chosen is A unless the label prefers B.
     */
    JSONL("jsonl", "JSON lines with provenance"),
    /**
     * The preference shape of TRL's reward trainer: {@code chosen} and {@code rejected} as message lists
     * ({@code [{"role": "user", "content": ...}, {"role": "assistant", "content": ...}]}). Pairs without a
     * preference (no label, or exactly 0.5) are left out.
     */
    TRL("trl", "TRL preference (message lists)");

    private final String parameter;
    private final String label;

    PairExportFormat(String parameter, String label) {
        this.parameter = parameter;
        this.label = label;
    }

    public String parameter() {
        return parameter;
    }

    public String label() {
        return label;
    }

    /** The format named {@code text} in a URL; fails with the names that exist. */
    public static PairExportFormat parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.parameter.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown export format \"" + text + "\"; use "
                        + String.join(
                                " or ",
                                Arrays.stream(values())
                                        .map(PairExportFormat::parameter)
                                        .toList()) + "."));
    }
}
