package org.cailab.redteam;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.cailab.dialogue.TurnText;
import org.cailab.security.UserService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Researchers import the public red-team attempts (hh-rlhf's {@code red_team_attempts.jsonl.gz}: one JSON array of
 * 38,961 records) and export attempts in the same shape. Imports stream the file and store it in one transaction:
 * all records or none, with the malformed ones reported by index.
 */
@Service
@Transactional
public class RedTeamDataService {

    private static final int MAX_FILE_NAME = 255;

    private final AttemptRepository attempts;
    private final UserService users;
    private final ApplicationEventPublisher events;

    RedTeamDataService(AttemptRepository attempts, UserService users, ApplicationEventPublisher events) {
        this.attempts = attempts;
        this.users = users;
        this.events = events;
    }

    /**
     * Imports every record of a red-team attempts file (gzip or plain JSON) as rated attempts of source IMPORTED,
     * keeping each record's JSON as it was. Nothing is stored when the file or any record is malformed, or when the
     * same file was imported before.
     *
     * @throws RedTeamImportException naming the malformed records by index (the first few)
     */
    @PreAuthorize("hasRole('RESEARCHER')")
    public ImportReport importAttempts(String fileName, InputStream in) {
        String name = fileName == null || fileName.isBlank()
                ? "upload"
                : TurnText.printable(fileName).strip();
        if (name.length() > MAX_FILE_NAME) {
            name = name.substring(0, MAX_FILE_NAME);
        }
        long importId = attempts.insertImport(name, users.currentUser().username());
        int records = AttemptImporter.run(importId, name, in, attempts);
        events.publishEvent(new AttemptsImported(importId, name, records));
        return new ImportReport(importId, name, records);
    }

    /** The imported files, newest first. */
    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public List<AttemptImport> imports() {
        return attempts.imports();
    }

    /** Deletes an import with all its attempts. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public void deleteImport(long importId) {
        if (!attempts.deleteImport(importId)) {
            throw new RedTeamException("That import no longer exists.");
        }
    }

    /**
     * The rated attempts of a selection with their transcripts and ratings, in a stable order: what a harm predictor
     * trains on (run type {@code harm-train}).
     */
    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public List<RatedTranscript> ratedTranscripts(TranscriptSelection selection) {
        return attempts.ratedTranscripts(selection);
    }

    /**
     * Writes the rated attempts of the selection to {@code out} as one JSON array in the shape of the public file
     * (gzip-compressed when asked), streaming from the database. Returns the number of attempts written; the stream
     * is left open.
     */
    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public long exportAttempts(ExportSelection selection, boolean gzip, OutputStream out) {
        try (AttemptExporter exporter = new AttemptExporter(out, gzip)) {
            return attempts.exportRated(selection, exporter::write);
        }
    }
}
