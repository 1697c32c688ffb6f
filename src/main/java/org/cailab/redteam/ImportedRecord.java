package org.cailab.redteam;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One record of a red-team attempts file, checked: the fields we use, and the record itself as JSON text (every
 * field, including ones we do not know).
 */
record ImportedRecord(
        long index,
        String transcript,
        double rating,
        String taskDescription,
        @Nullable Double taskHarmlessnessScore,
        @Nullable Double minHarmlessnessScore,
        @Nullable String modelType,
        @Nullable String numParams,
        @Nullable String redTeamMemberId,
        @Nullable Boolean isUpworker,
        @Nullable List<String> tags,
        String originalJson) {}
