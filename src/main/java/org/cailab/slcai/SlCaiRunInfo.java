package org.cailab.slcai;

import java.util.List;
import org.cailab.pipeline.Run;

/**
 * An SL-CAI run with what its chains were made with.
 *
 * @param principleKeys         the constitution version's enabled SL principles: those the rounds were drawn from
 * @param constitutionVersion   the version for people, for example {@code default v3}
 */
public record SlCaiRunInfo(
        Run run,
        SlCaiParameters parameters,
        long constitutionVersionId,
        String constitutionVersion,
        long snapshotId,
        String snapshotName,
        List<String> principleKeys) {

    public SlCaiRunInfo {
        principleKeys = List.copyOf(principleKeys);
    }
}
