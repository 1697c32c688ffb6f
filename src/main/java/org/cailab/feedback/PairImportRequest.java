package org.cailab.feedback;

import java.util.Objects;

/** What a researcher says about a pair file to import: a unique name, the task its labels judge, the file's name. */
public record PairImportRequest(String name, PairTask task, String fileName) {

    public PairImportRequest {
        name = name == null ? "" : name.strip();
        Objects.requireNonNull(task, "task");
        fileName = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
    }
}
