package org.cailab.feedback;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Storage of pairs and imports; used only inside {@link PreferencePairService}'s transactions. */
interface PreferencePairRepository {

    Optional<Long> insertImport(String name, PairTask task, String fileName, String createdBy);

    void finishImport(long importId, int linesRead, int pairCount, List<Integer> skippedLines);

    Optional<PairImport> findImport(long id);

    List<PairImport> findImports();

    boolean deleteImport(long id);

    /** Inserts many pairs in one statement per batch. */
    void insertAll(List<NewPreferencePair> pairs);

    /**
     * Inserts the pair that a run item writes unless that item already wrote one (an earlier attempt that was cut
     * off); returns the stored one either way, so every attempt ends up with the same pair.
     */
    PreferencePair insertForRunItem(NewPreferencePair pair);

    Optional<PreferencePair> findForRunItem(long runId, String itemKey);

    /** Crowdworker pairs: inserts those whose vote is not stored yet; returns how many were new. */
    int insertVotes(List<NewPreferencePair> pairs);

    /** The votes that are stored as crowdworker pairs. */
    java.util.Set<Long> storedVoteIds();

    /** Deletes the crowdworker pairs of these votes (and the AI labels about them); returns how many. */
    int deleteVotes(java.util.Collection<Long> voteIds);

    Optional<PreferencePair> find(long id);

    List<PreferencePair> find(PairFilter filter, int offset, int limit);

    int count(PairFilter filter);

    /** The stored details (seeds, prompts, log-probabilities, reasoning) of a pair, or {@code {}}. */
    @Nullable
    JsonNode details(long id);

    /** Labels of the AI feedback pairs of a run, in id order. */
    List<Double> labelsOfRun(long runId);

    /** The labels and position disagreements an AI feedback run has stored so far. */
    LabellingProgress labellingProgress(long runId);

    /** AI labels about crowdworker pairs with the human label, for the agreement chart. */
    List<AgreementRow> agreementRows(PairTask task);

    record AgreementRow(
            double humanLabel, double aiLabel, List<String> principles, long snapshotId, String snapshotName) {}
}
