package org.cailab.evaluation;

import java.time.OffsetDateTime;

/**
 * A stored multiple-choice evaluation file (its items are read with {@link EvaluationSetService#items}).
 *
 * @param fileName  the uploaded file's name
 * @param itemCount how many items it has
 */
public record EvaluationSet(
        long id, String name, String fileName, int itemCount, String createdBy, OffsetDateTime createdAt) {}
