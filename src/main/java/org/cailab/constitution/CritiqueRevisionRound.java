package org.cailab.constitution;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One critique/revision step of a chain. A round without critique (both critique fields {@code null})
 * is the paper's "direct revision" ablation: the model revises without first writing a critique.
 *
 * @param critiqueRequest bare critique request, or {@code null} for a direct revision
 * @param critique        the critique as written after {@code "Critique: "}, or {@code null} for a direct revision
 * @param revisionRequest bare revision request
 * @param revision        the revised response as written after {@code "Revision: "}
 */
public record CritiqueRevisionRound(
        @Nullable String critiqueRequest, @Nullable String critique, String revisionRequest, String revision) {

    public CritiqueRevisionRound {
        if ((critiqueRequest == null) != (critique == null)) {
            throw new IllegalArgumentException("critiqueRequest and critique must both be set or both be null");
        }
        Objects.requireNonNull(revisionRequest, "revisionRequest");
        Objects.requireNonNull(revision, "revision");
    }

    /** A direct revision: no critique before it. */
    public static CritiqueRevisionRound direct(String revisionRequest, String revision) {
        return new CritiqueRevisionRound(null, null, revisionRequest, revision);
    }

    /** Whether this round has a critique (false for the direct-revision ablation). */
    public boolean hasCritique() {
        return critiqueRequest != null;
    }

    /** This round without its critique, as the direct-revision ablation shows it. */
    public CritiqueRevisionRound withoutCritique() {
        return direct(revisionRequest, revision);
    }
}
