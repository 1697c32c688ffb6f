package org.cailab.promptset;

import java.util.Objects;

/**
 * What to import: the new set's name and kind, the file's format, which prompts to take from conversations, and
 * the file name (for the record).
 */
public record PromptImport(
        String name, PromptSetKind kind, PromptFormat format, PromptExtraction extraction, String sourceName) {

    public PromptImport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(extraction, "extraction");
        name = name == null ? "" : name.strip();
        sourceName = sourceName == null || sourceName.isBlank() ? "upload" : sourceName.strip();
    }
}
