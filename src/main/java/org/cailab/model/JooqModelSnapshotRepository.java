package org.cailab.model;

import static org.cailab.db.jooq.Tables.MODEL_REMOTE_BACKEND;
import static org.cailab.db.jooq.Tables.MODEL_SNAPSHOT;
import static org.jooq.impl.DSL.lower;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cailab.db.jooq.tables.records.ModelSnapshotRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class JooqModelSnapshotRepository implements ModelSnapshotRepository {

    private final DSLContext dsl;

    JooqModelSnapshotRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<ModelSnapshot> findAll() {
        return dsl.selectFrom(MODEL_SNAPSHOT).orderBy(MODEL_SNAPSHOT.ID.desc()).fetch(JooqModelSnapshotRepository::map);
    }

    @Override
    public Optional<ModelSnapshot> findById(long id) {
        return dsl.selectFrom(MODEL_SNAPSHOT)
                .where(MODEL_SNAPSHOT.ID.eq(id))
                .fetchOptional(JooqModelSnapshotRepository::map);
    }

    @Override
    public Optional<ModelSnapshot> findByName(String name) {
        return dsl.selectFrom(MODEL_SNAPSHOT)
                .where(lower(MODEL_SNAPSHOT.NAME).eq(name.toLowerCase(Locale.ROOT)))
                .fetchOptional(JooqModelSnapshotRepository::map);
    }

    @Override
    public List<ModelSnapshot> findByKind(SnapshotKind kind) {
        return dsl.selectFrom(MODEL_SNAPSHOT)
                .where(MODEL_SNAPSHOT.KIND.eq(kind.name()))
                .orderBy(MODEL_SNAPSHOT.ID)
                .fetch(JooqModelSnapshotRepository::map);
    }

    @Override
    public Optional<ModelSnapshot> insert(NewSnapshot s, String createdBy) {
        return dsl.insertInto(MODEL_SNAPSHOT)
                .set(MODEL_SNAPSHOT.NAME, s.name())
                .set(MODEL_SNAPSHOT.KIND, s.kind().name())
                .set(MODEL_SNAPSHOT.LOCATION, s.location())
                .set(MODEL_SNAPSHOT.PARENT_ID, s.parentId())
                .set(MODEL_SNAPSHOT.RUN_ID, s.runId())
                .set(MODEL_SNAPSHOT.STEP, s.step())
                .set(MODEL_SNAPSHOT.DESCRIPTION, s.description())
                .set(MODEL_SNAPSHOT.CREATED_BY, createdBy)
                .onConflictDoNothing()
                .returning()
                .fetchOptional()
                .map(JooqModelSnapshotRepository::map);
    }

    @Override
    public void insertRemote(long snapshotId, RemoteBackend b) {
        dsl.insertInto(MODEL_REMOTE_BACKEND)
                .set(MODEL_REMOTE_BACKEND.SNAPSHOT_ID, snapshotId)
                .set(
                        MODEL_REMOTE_BACKEND.BASE_URLS,
                        b.baseUrls().stream().map(URI::toString).toArray(String[]::new))
                .set(MODEL_REMOTE_BACKEND.SERVED_MODEL, b.servedModel())
                .set(MODEL_REMOTE_BACKEND.API_KEY_ENV, b.apiKeyEnv())
                .set(MODEL_REMOTE_BACKEND.MAX_CONCURRENCY, b.maxConcurrency())
                .set(MODEL_REMOTE_BACKEND.TIMEOUT_SECONDS, (int) b.timeout().toSeconds())
                .set(MODEL_REMOTE_BACKEND.MAX_RETRIES, b.maxRetries())
                .set(MODEL_REMOTE_BACKEND.SCORING, b.scoring().value())
                .execute();
    }

    @Override
    public Optional<RemoteBackend> findRemote(long snapshotId) {
        return dsl.selectFrom(MODEL_REMOTE_BACKEND)
                .where(MODEL_REMOTE_BACKEND.SNAPSHOT_ID.eq(snapshotId))
                .fetchOptional(r -> new RemoteBackend(
                        Arrays.stream(r.getBaseUrls()).map(URI::create).toList(),
                        r.getServedModel(),
                        r.getApiKeyEnv(),
                        r.getMaxConcurrency(),
                        Duration.ofSeconds(r.getTimeoutSeconds()),
                        r.getMaxRetries(),
                        RemoteBackend.Scoring.parse(r.getScoring())));
    }

    private static ModelSnapshot map(ModelSnapshotRecord r) {
        return new ModelSnapshot(
                r.getId(),
                r.getName(),
                SnapshotKind.valueOf(r.getKind()),
                r.getLocation(),
                r.getParentId(),
                r.getRunId(),
                r.getStep(),
                r.getCreatedAt());
    }
}
