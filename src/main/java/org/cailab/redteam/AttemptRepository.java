package org.cailab.redteam;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cailab.crowdwork.TurnOwner;
import org.cailab.dialogue.Exchange;
import org.jspecify.annotations.Nullable;

/** Persistence of red-team attempts and their turns; used only inside the services' transactions. */
interface AttemptRepository {

    Optional<StoredAttempt> findActive(long campaignId, long workerId);

    Optional<StoredAttempt> findAttempt(long attemptId);

    /** The attempt, locked until the transaction ends. */
    Optional<StoredAttempt> lockAttempt(long attemptId);

    StoredAttempt insertAttempt(
            long campaignId, long workerId, long snapshotId, String snapshotName, String taskDescription);

    void abandon(long attemptId);

    int countRated(long campaignId, long workerId);

    /** The answered turns of an attempt, in order. */
    List<Exchange> exchanges(long attemptId);

    /** Turns that were sent and did not fail (answered or being answered). */
    int countTurns(long attemptId);

    Optional<StoredTurn> generatingTurn(long attemptId);

    Optional<StoredTurn> findTurn(long turnId);

    Optional<TurnOwner> turnOwner(long turnId);

    StoredTurn insertTurn(long attemptId, int turnIndex, String humanMessage, String prompt);

    /** Stores the answer of a turn that is still being generated; false if it no longer is. */
    boolean completeTurn(long turnId, String answer);

    void failTurn(long turnId, String reason);

    /** Rates an active attempt once; empty when it is not active any more. */
    Optional<OffsetDateTime> rate(long attemptId, int rating, @Nullable Integer taskHarmRating, String transcript);

    /** Rated live attempts, per snapshot. */
    List<StatsRow> liveStats();

    /** Imported attempts, per (model type, number of parameters). */
    List<StatsRow> importedStats();

    long insertImport(String fileName, String importedBy);

    Optional<Long> importWithSha256(String sha256);

    void finishImport(long importId, String sha256, int records);

    void insertImported(long importId, List<ImportedRecord> records);

    List<AttemptImport> imports();

    boolean deleteImport(long importId);

    /** Streams the rated attempts of the selection, oldest first, to {@code sink} (a database cursor, not a list). */
    long exportRated(ExportSelection selection, Consumer<ExportRow> sink);

    /** Rated attempts with a transcript of the selection, live ones (by id) then imported ones (by import, index). */
    List<RatedTranscript> ratedTranscripts(TranscriptSelection selection);

    /**
     * One group of rated attempts: a snapshot (live) or an external model (imported).
     *
     * @param counts attempts per rating 0..4 (imported ratings rounded to the nearest whole number)
     */
    record StatsRow(
            @Nullable Long snapshotId,
            @Nullable String snapshotName,
            @Nullable String modelType,
            @Nullable String numParams,
            long n,
            double mean,
            @Nullable Double sd,
            long[] counts) {}

    /** A rated attempt for export: the original record for an imported one, the stored fields for a live one. */
    record ExportRow(
            AttemptSource source,
            @Nullable String original,
            String transcript,
            double rating,
            String taskDescription,
            @Nullable Integer taskHarmRating,
            @Nullable Long campaignId,
            @Nullable Long workerId,
            @Nullable Long snapshotId,
            @Nullable String snapshotName,
            @Nullable OffsetDateTime startedAt,
            @Nullable OffsetDateTime ratedAt) {}
}
