package org.cailab.feedback;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a pair comes from; which fields are set depends on its {@link PairSource}.
 *
 * @param importId       imported human pair: the import
 * @param importName     its name (the file is named in the import)
 * @param sourceLine     imported human pair: the line of the file (from 1)
 * @param campaignId     crowdworker vote: the comparison campaign
 * @param campaignName   its name when the vote was copied
 * @param voteId         crowdworker vote: the vote
 * @param runId          sampled pair or AI feedback: the run that wrote it
 * @param itemKey        the run item that wrote it
 * @param labelledPairId AI feedback: the pair this label is about (same conversation, same A/B order)
 * @param principles     AI feedback: the principle keys the label was asked under (several for an ensemble)
 * @param snapshotId     the policy that sampled the responses (sampled) or the feedback model (AI feedback)
 * @param snapshotName   that snapshot's name at the time
 */
public record PairProvenance(
        @Nullable Long importId,
        @Nullable String importName,
        @Nullable Integer sourceLine,
        @Nullable Long campaignId,
        @Nullable String campaignName,
        @Nullable Long voteId,
        @Nullable Long runId,
        @Nullable String itemKey,
        @Nullable Long labelledPairId,
        List<String> principles,
        @Nullable Long snapshotId,
        @Nullable String snapshotName) {

    public PairProvenance {
        principles = List.copyOf(principles);
    }

    static PairProvenance imported(long importId, String importName, int line) {
        return new PairProvenance(
                importId, importName, line, null, null, null, null, null, null, List.of(), null, null);
    }

    static PairProvenance vote(long campaignId, String campaignName, long voteId) {
        return new PairProvenance(
                null, null, null, campaignId, campaignName, voteId, null, null, null, List.of(), null, null);
    }

    static PairProvenance sampled(long runId, String itemKey, long snapshotId, String snapshotName) {
        return new PairProvenance(
                null, null, null, null, null, null, runId, itemKey, null, List.of(), snapshotId, snapshotName);
    }

    static PairProvenance aiFeedback(
            long runId,
            String itemKey,
            long labelledPairId,
            List<String> principles,
            long snapshotId,
            String snapshotName) {
        return new PairProvenance(
                null,
                null,
                null,
                null,
                null,
                null,
                runId,
                itemKey,
                labelledPairId,
                principles,
                snapshotId,
                snapshotName);
    }
}
