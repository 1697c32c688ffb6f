package org.cailab.constitution;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A constitution as the list shows it.
 *
 * @param activeVersion the version new runs use, or {@code null} if none is marked
 * @param latestVersion the newest version: the one an edit starts from
 * @param versionCount  how many versions it has
 */
public record ConstitutionSummary(
        long id,
        String name,
        String createdBy,
        OffsetDateTime createdAt,
        @Nullable ConstitutionVersionRef activeVersion,
        ConstitutionVersionRef latestVersion,
        int versionCount) {}
