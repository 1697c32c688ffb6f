package org.cailab.model;

import org.jspecify.annotations.Nullable;

/**
 * What is needed to register a snapshot.
 *
 * @param location a local Hugging Face model directory (config.json, safetensors, tokenizer.json)
 */
public record NewSnapshot(
        String name,
        SnapshotKind kind,
        String location,
        @Nullable Long parentId,
        @Nullable Long runId,
        @Nullable Long step,
        String description) {

    public static NewSnapshot local(String name, SnapshotKind kind, String location) {
        return new NewSnapshot(name, kind, location, null, null, null, "");
    }
}
