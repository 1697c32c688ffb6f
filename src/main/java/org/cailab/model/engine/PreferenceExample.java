package org.cailab.model.engine;

/**
 * One preference-model training pair: two token sequences (conversation + response each) and the probability that
 * the first is better (a soft label: 1 = A better, 0 = B better, 0.5 = no preference).
 */
public record PreferenceExample(long[] a, long[] b, double probabilityA) {

    public PreferenceExample {
        if (!(probabilityA >= 0 && probabilityA <= 1)) {
            throw new IllegalArgumentException("probability that A is better must be in [0, 1], got " + probabilityA);
        }
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("both sequences need at least one token");
        }
    }

    /** Tokens in both sequences. */
    public int tokens() {
        return a.length + b.length;
    }
}
