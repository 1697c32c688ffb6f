package org.cailab.constitution;

import static org.cailab.db.jooq.Tables.CONSTITUTION;
import static org.cailab.db.jooq.Tables.CONSTITUTION_VERSION;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cailab.db.jooq.tables.ConstitutionVersion;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class JooqConstitutionRepository implements ConstitutionRepository {

    private static final ConstitutionVersion V = CONSTITUTION_VERSION.as("v");
    private static final ConstitutionVersion PARENT = CONSTITUTION_VERSION.as("parent");
    private static final ConstitutionVersion ACTIVE = CONSTITUTION_VERSION.as("active");
    private static final ConstitutionVersion LATEST = CONSTITUTION_VERSION.as("latest");

    private static final SelectField<?>[] INFO_FIELDS = {
        V.ID,
        V.CONSTITUTION_ID,
        CONSTITUTION.NAME,
        V.NUMBER,
        V.PARENT_VERSION_ID,
        PARENT.NUMBER,
        V.CREATED_BY,
        V.CREATED_AT,
        V.COMMENT,
        V.CONTENT_SHA256,
        CONSTITUTION.ACTIVE_VERSION_ID
    };

    private final DSLContext dsl;

    JooqConstitutionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public long count() {
        return dsl.fetchCount(CONSTITUTION);
    }

    @Override
    public List<ConstitutionSummary> findAll() {
        return summaries(null);
    }

    @Override
    public Optional<ConstitutionSummary> findById(long constitutionId) {
        return summaries(CONSTITUTION.ID.eq(constitutionId)).stream().findFirst();
    }

    /** Constitutions that have at least one version, with their active and latest versions, by name. */
    private List<ConstitutionSummary> summaries(@Nullable Condition condition) {
        var versionCount = field(select(DSL.count())
                .from(CONSTITUTION_VERSION)
                .where(CONSTITUTION_VERSION.CONSTITUTION_ID.eq(CONSTITUTION.ID)));
        var latestNumber = select(max(CONSTITUTION_VERSION.NUMBER))
                .from(CONSTITUTION_VERSION)
                .where(CONSTITUTION_VERSION.CONSTITUTION_ID.eq(CONSTITUTION.ID));
        return dsl.select(
                        CONSTITUTION.ID,
                        CONSTITUTION.NAME,
                        CONSTITUTION.CREATED_BY,
                        CONSTITUTION.CREATED_AT,
                        ACTIVE.ID,
                        ACTIVE.NUMBER,
                        LATEST.ID,
                        LATEST.NUMBER,
                        versionCount)
                .from(CONSTITUTION)
                .leftJoin(ACTIVE)
                .on(ACTIVE.ID.eq(CONSTITUTION.ACTIVE_VERSION_ID))
                .join(LATEST)
                .on(LATEST.CONSTITUTION_ID.eq(CONSTITUTION.ID).and(LATEST.NUMBER.eq(latestNumber)))
                .where(condition == null ? DSL.noCondition() : condition)
                .orderBy(lower(CONSTITUTION.NAME))
                .fetch(r -> {
                    String name = r.get(CONSTITUTION.NAME);
                    Long activeId = r.get(ACTIVE.ID);
                    return new ConstitutionSummary(
                            r.get(CONSTITUTION.ID),
                            name,
                            r.get(CONSTITUTION.CREATED_BY),
                            r.get(CONSTITUTION.CREATED_AT),
                            activeId == null ? null : new ConstitutionVersionRef(activeId, name, r.get(ACTIVE.NUMBER)),
                            new ConstitutionVersionRef(r.get(LATEST.ID), name, r.get(LATEST.NUMBER)),
                            r.get(versionCount));
                });
    }

    @Override
    public boolean lock(long constitutionId) {
        return dsl.select(CONSTITUTION.ID)
                .from(CONSTITUTION)
                .where(CONSTITUTION.ID.eq(constitutionId))
                .forUpdate()
                .fetchOptional()
                .isPresent();
    }

    @Override
    public Optional<Long> insertConstitution(String name, String createdBy) {
        return dsl.insertInto(CONSTITUTION)
                .set(CONSTITUTION.NAME, name)
                .set(CONSTITUTION.CREATED_BY, createdBy)
                .onConflictDoNothing()
                .returning(CONSTITUTION.ID)
                .fetchOptional(CONSTITUTION.ID);
    }

    @Override
    public long insertVersion(
            long constitutionId,
            int number,
            @Nullable Long parentVersionId,
            String createdBy,
            String comment,
            String contentJson,
            String contentSha256) {
        return dsl.insertInto(CONSTITUTION_VERSION)
                .set(CONSTITUTION_VERSION.CONSTITUTION_ID, constitutionId)
                .set(CONSTITUTION_VERSION.NUMBER, number)
                .set(CONSTITUTION_VERSION.PARENT_VERSION_ID, parentVersionId)
                .set(CONSTITUTION_VERSION.CREATED_BY, createdBy)
                .set(CONSTITUTION_VERSION.COMMENT, comment)
                .set(CONSTITUTION_VERSION.CONTENT, JSONB.valueOf(contentJson))
                .set(CONSTITUTION_VERSION.CONTENT_SHA256, contentSha256)
                .returning(CONSTITUTION_VERSION.ID)
                .fetchSingle(CONSTITUTION_VERSION.ID);
    }

    @Override
    public void setActiveVersion(long constitutionId, long versionId) {
        dsl.update(CONSTITUTION)
                .set(CONSTITUTION.ACTIVE_VERSION_ID, versionId)
                .where(CONSTITUTION.ID.eq(constitutionId))
                .execute();
    }

    @Override
    public Optional<ConstitutionVersionInfo> findVersion(long versionId) {
        return versions().where(V.ID.eq(versionId)).fetchOptional(JooqConstitutionRepository::toInfo);
    }

    @Override
    public Optional<StoredVersion> findVersionWithContent(long versionId) {
        return versionsWithContent().where(V.ID.eq(versionId)).fetchOptional(JooqConstitutionRepository::toStored);
    }

    @Override
    public Optional<StoredVersion> findActiveVersionWithContent(long constitutionId) {
        return versionsWithContent()
                .where(V.CONSTITUTION_ID.eq(constitutionId).and(V.ID.eq(CONSTITUTION.ACTIVE_VERSION_ID)))
                .fetchOptional(JooqConstitutionRepository::toStored);
    }

    @Override
    public List<ConstitutionVersionInfo> findVersions(long constitutionId) {
        return versions()
                .where(V.CONSTITUTION_ID.eq(constitutionId))
                .orderBy(V.NUMBER.desc())
                .fetch(JooqConstitutionRepository::toInfo);
    }

    @Override
    public Optional<ConstitutionVersionInfo> findLatestVersion(long constitutionId) {
        return versions()
                .where(V.CONSTITUTION_ID.eq(constitutionId))
                .orderBy(V.NUMBER.desc())
                .limit(1)
                .fetchOptional(JooqConstitutionRepository::toInfo);
    }

    private SelectOnConditionStep<Record> versions() {
        return versionQuery(INFO_FIELDS);
    }

    private SelectOnConditionStep<Record> versionsWithContent() {
        SelectField<?>[] fields = Arrays.copyOf(INFO_FIELDS, INFO_FIELDS.length + 1);
        fields[INFO_FIELDS.length] = V.CONTENT;
        return versionQuery(fields);
    }

    private SelectOnConditionStep<Record> versionQuery(SelectField<?>... fields) {
        return dsl.select(fields)
                .from(V)
                .join(CONSTITUTION)
                .on(CONSTITUTION.ID.eq(V.CONSTITUTION_ID))
                .leftJoin(PARENT)
                .on(PARENT.ID.eq(V.PARENT_VERSION_ID));
    }

    private static StoredVersion toStored(Record r) {
        return new StoredVersion(toInfo(r), r.get(V.CONTENT).data());
    }

    private static ConstitutionVersionInfo toInfo(Record r) {
        long id = r.get(V.ID);
        return new ConstitutionVersionInfo(
                id,
                r.get(V.CONSTITUTION_ID),
                r.get(CONSTITUTION.NAME),
                r.get(V.NUMBER),
                r.get(V.PARENT_VERSION_ID),
                r.get(PARENT.NUMBER),
                r.get(V.CREATED_BY),
                r.get(V.CREATED_AT),
                r.get(V.COMMENT),
                r.get(V.CONTENT_SHA256),
                Long.valueOf(id).equals(r.get(CONSTITUTION.ACTIVE_VERSION_ID)));
    }
}
