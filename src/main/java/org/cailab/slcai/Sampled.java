package org.cailab.slcai;

/**
 * One generated text and whether it ended because it reached the token limit (rather than at a stop sequence or the
 * end-of-sequence token): such a text may stop mid-sentence, so it is flagged and kept out of the SL data by default.
 */
record Sampled(String text, boolean truncated) {

    static Sampled complete(String text) {
        return new Sampled(text, false);
    }
}
