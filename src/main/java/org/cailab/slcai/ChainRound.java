package org.cailab.slcai;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One critique/revision round of a chain, with the principle it was drawn under. In the direct-revision ablation
 * the critique request and critique are {@code null}.
 *
 * @param number            1 for the first round
 * @param principleKey      the SL principle drawn for this round
 * @param critiqueRequest   the principle's critique request, or {@code null} for a direct revision
 * @param critique          what the model wrote after {@code Critique:}
 * @param revisionRequest   the principle's revision request
 * @param revision          what the model wrote after {@code Revision:}: the response of this round
 * @param critiqueTruncated whether the critique stopped at the token limit (absent in chains stored before the flag:
 *                          false)
 * @param revisionTruncated whether the revision stopped at the token limit
 */
public record ChainRound(
        int number,
        String principleKey,
        @Nullable String critiqueRequest,
        @Nullable String critique,
        String revisionRequest,
        String revision,
        boolean critiqueTruncated,
        boolean revisionTruncated) {

    public ChainRound {
        if (number < 1) {
            throw new IllegalArgumentException("Rounds are numbered from 1");
        }
        Objects.requireNonNull(principleKey, "principleKey");
        if ((critiqueRequest == null) != (critique == null)) {
            throw new IllegalArgumentException("critiqueRequest and critique must both be set or both be null");
        }
        if (critique == null && critiqueTruncated) {
            throw new IllegalArgumentException("A round without a critique cannot have a truncated critique");
        }
        Objects.requireNonNull(revisionRequest, "revisionRequest");
        Objects.requireNonNull(revision, "revision");
    }

    /** A round whose samples all ended before the token limit. */
    public ChainRound(
            int number,
            String principleKey,
            @Nullable String critiqueRequest,
            @Nullable String critique,
            String revisionRequest,
            String revision) {
        this(number, principleKey, critiqueRequest, critique, revisionRequest, revision, false, false);
    }

    /** Whether the model critiqued before revising (false in the direct-revision ablation). */
    public boolean hasCritique() {
        return critique != null;
    }
}
