package org.cailab.redteam;

import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Imports a red-team attempts file into an import row created by the caller: reads it as a stream, inserts the
 * records in batches, and fails with every malformed record found (up to a limit) by index. Must run inside one
 * transaction, which the failure rolls back: an import is all or nothing. Memory holds one batch at most.
 */
final class AttemptImporter {

    static final int BATCH_SIZE = 500;

    private AttemptImporter() {}

    /** Returns the number of records stored; throws when the file or one of its records is malformed. */
    static int run(long importId, String fileName, InputStream in, AttemptRepository repository) {
        MessageDigest sha256 = sha256();
        List<ImportedRecord> batch = new ArrayList<>(BATCH_SIZE);
        AttemptFileReader.Result result = AttemptFileReader.read(new DigestInputStream(in, sha256), record -> {
            batch.add(record);
            if (batch.size() == BATCH_SIZE) {
                repository.insertImported(importId, batch);
                batch.clear();
            }
        });
        if (!result.problems().isEmpty()) {
            throw new RedTeamImportException(fileName, result.problems());
        }
        if (result.records() == 0) {
            throw new RedTeamImportException("Nothing was imported from " + fileName + ": it holds no records.");
        }
        repository.insertImported(importId, batch);
        String hash = HexFormat.of().formatHex(sha256.digest());
        repository.importWithSha256(hash).ifPresent(earlier -> {
            throw new RedTeamImportException("Nothing was imported from " + fileName + ": the same file was already "
                    + "imported (import #" + earlier + "). Delete that import first to import it again.");
        });
        repository.finishImport(importId, hash, Math.toIntExact(result.records()));
        return Math.toIntExact(result.records());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
