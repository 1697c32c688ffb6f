package org.cailab.promptset;

import java.time.OffsetDateTime;

/**
 * An imported prompt set.
 *
 * @param recordsRead       lines, pairs or records read from the file
 * @param duplicatesSkipped prompts dropped because the same conversation was already in the set
 * @param promptCount       prompts kept
 */
public record PromptSet(
        long id,
        String name,
        PromptSetKind kind,
        PromptFormat format,
        PromptExtraction extraction,
        String sourceName,
        int recordsRead,
        int duplicatesSkipped,
        int promptCount,
        String createdBy,
        OffsetDateTime createdAt) {}
