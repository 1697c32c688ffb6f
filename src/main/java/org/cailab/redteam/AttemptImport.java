package org.cailab.redteam;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One imported file of red-team attempts. */
public record AttemptImport(
        long id, String fileName, @Nullable String sha256, int records, String importedBy, OffsetDateTime importedAt) {}
