package org.cailab.model;

import java.util.List;
import java.util.Optional;

/** Persistence of snapshots; used only inside the model module's services. */
interface ModelSnapshotRepository {

    List<ModelSnapshot> findAll();

    Optional<ModelSnapshot> findById(long id);

    Optional<ModelSnapshot> findByName(String name);

    List<ModelSnapshot> findByKind(SnapshotKind kind);

    /** Inserts; empty when the name is taken (case-insensitively). */
    Optional<ModelSnapshot> insert(NewSnapshot snapshot, String createdBy);

    /** Stores where a (just inserted) remote snapshot is served. */
    void insertRemote(long snapshotId, RemoteBackend backend);

    /** The remote backend of a snapshot; empty for a local one. */
    Optional<RemoteBackend> findRemote(long snapshotId);
}
