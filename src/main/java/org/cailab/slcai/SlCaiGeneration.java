package org.cailab.slcai;

import java.util.List;

/**
 * How a sample was generated: the model, the constitution version and the sampling settings, recorded with every
 * chain so that each one can be traced back on its own.
 *
 * @param constitutionVersionId the version whose principles and few-shot examples were used
 * @param constitutionVersion   the same for people, for example {@code default v3}
 * @param fewShotExamples       how many of the version's few-shot examples were put in front of each critique and
 *                              revision prompt
 */
public record SlCaiGeneration(
        long snapshotId,
        String snapshotName,
        long constitutionVersionId,
        String constitutionVersion,
        int fewShotExamples,
        double temperature,
        double topP,
        int maxNewTokens,
        List<String> stopSequences) {

    public SlCaiGeneration {
        stopSequences = List.copyOf(stopSequences);
    }
}
