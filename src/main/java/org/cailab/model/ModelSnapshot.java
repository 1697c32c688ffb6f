package org.cailab.model;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A registered model snapshot.
 *
 * @param location where it lives: a local Hugging Face directory, or a remote backend reference
 * @param parentId the snapshot it was trained from
 * @param runId    the run that produced it
 * @param step     the training step within that run
 */
public record ModelSnapshot(
        long id,
        String name,
        SnapshotKind kind,
        String location,
        @Nullable Long parentId,
        @Nullable Long runId,
        @Nullable Long step,
        OffsetDateTime createdAt) {}
