package org.cailab.constitution;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a stored version, without its content. Versions never change; only {@code active}
 * can differ between two reads.
 *
 * @param parentVersionId the version it was edited from; {@code null} for a first version
 * @param parentNumber    that version's number, or {@code null}
 * @param createdBy       user name of the author ({@code system} for the default constitution)
 * @param comment         what the author said the change was
 * @param contentSha256   SHA-256 of the content's canonical JSON ({@link ConstitutionJson})
 * @param active          whether new runs use this version
 */
public record ConstitutionVersionInfo(
        long id,
        long constitutionId,
        String constitutionName,
        int number,
        @Nullable Long parentVersionId,
        @Nullable Integer parentNumber,
        String createdBy,
        OffsetDateTime createdAt,
        String comment,
        String contentSha256,
        boolean active) {

    public ConstitutionVersionRef ref() {
        return new ConstitutionVersionRef(id, constitutionName, number);
    }
}
