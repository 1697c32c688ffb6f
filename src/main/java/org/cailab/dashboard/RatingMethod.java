package org.cailab.dashboard;

import java.util.Locale;

/** How ratings are computed from the votes. */
public enum RatingMethod {
    /** Bradley-Terry maximum likelihood on the pair counts (order of votes does not matter). */
    BT("bt", "Bradley-Terry"),
    /** Online Elo over the votes in the order they were cast (K=4, as in the chatbot arena). */
    ELO("elo", "Elo");

    private final String code;
    private final String label;

    RatingMethod(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The short name used in URLs and files: {@code bt} or {@code elo}. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Parses {@code bt} or {@code elo}, ignoring case. */
    public static RatingMethod parse(String code) {
        for (RatingMethod m : values()) {
            if (m.code.equals(code.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("method must be bt or elo, not " + code);
    }
}
