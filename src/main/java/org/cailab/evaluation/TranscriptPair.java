package org.cailab.evaluation;

import java.util.Objects;

/**
 * One comparison of whole transcripts, as the paper's HHH file has them beside its multiple-choice form
 * ({@code text_correct}, {@code text_incorrect}): a preference model should score {@code correct} higher.
 */
public record TranscriptPair(String correct, String incorrect) {

    public TranscriptPair {
        Objects.requireNonNull(correct, "correct");
        Objects.requireNonNull(incorrect, "incorrect");
    }
}
