package org.cailab.feedback;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An imported file of human pairs.
 *
 * @param skippedLines lines that are not one pair: the chosen and rejected conversations differ before the last
 *                     answer, or it does not follow a human turn (5 of the 2,312 lines of hh-rlhf's harmless-base
 *                     test file)
 */
public record PairImport(
        long id,
        String name,
        PairTask task,
        String fileName,
        int linesRead,
        int pairCount,
        List<Integer> skippedLines,
        String createdBy,
        OffsetDateTime createdAt) {

    public PairImport {
        skippedLines = List.copyOf(skippedLines);
    }
}
