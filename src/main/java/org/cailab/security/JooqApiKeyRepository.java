package org.cailab.security;

import static org.cailab.db.jooq.Tables.API_KEY;
import static org.cailab.db.jooq.Tables.APP_USER;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class JooqApiKeyRepository implements ApiKeyRepository {

    private final DSLContext dsl;

    JooqApiKeyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public ApiKey insert(
            String ownerUsername,
            String name,
            String hash,
            String prefix,
            java.util.Set<ApiKeyScope> scopes,
            java.time.@Nullable OffsetDateTime expiresAt) {
        long id = dsl.insertInto(API_KEY)
                .set(
                        API_KEY.OWNER_ID,
                        select(APP_USER.ID)
                                .from(APP_USER)
                                .where(lower(APP_USER.USERNAME).eq(ownerUsername.toLowerCase(java.util.Locale.ROOT))))
                .set(API_KEY.NAME, name)
                .set(API_KEY.KEY_HASH, hash)
                .set(API_KEY.KEY_PREFIX, prefix)
                .set(API_KEY.SCOPES, scopes.stream().map(Enum::name).sorted().toArray(String[]::new))
                .set(API_KEY.EXPIRES_AT, expiresAt)
                .returning(API_KEY.ID)
                .fetchSingle(API_KEY.ID);
        return findById(id).orElseThrow();
    }

    @Override
    public List<ApiKey> find(@Nullable String ownerUsername) {
        return dsl.select(
                        API_KEY.ID,
                        APP_USER.USERNAME,
                        API_KEY.NAME,
                        API_KEY.KEY_PREFIX,
                        API_KEY.CREATED_AT,
                        API_KEY.LAST_USED_AT,
                        API_KEY.REVOKED_AT,
                        API_KEY.SCOPES,
                        API_KEY.EXPIRES_AT)
                .from(API_KEY)
                .join(APP_USER)
                .on(APP_USER.ID.eq(API_KEY.OWNER_ID))
                .where(
                        ownerUsername == null
                                ? noCondition()
                                : lower(APP_USER.USERNAME).eq(ownerUsername.toLowerCase(java.util.Locale.ROOT)))
                .orderBy(API_KEY.CREATED_AT.desc(), API_KEY.ID.desc())
                .fetch(JooqApiKeyRepository::apiKey);
    }

    @Override
    public Optional<ApiKey> findById(long id) {
        return dsl.select(
                        API_KEY.ID,
                        APP_USER.USERNAME,
                        API_KEY.NAME,
                        API_KEY.KEY_PREFIX,
                        API_KEY.CREATED_AT,
                        API_KEY.LAST_USED_AT,
                        API_KEY.REVOKED_AT,
                        API_KEY.SCOPES,
                        API_KEY.EXPIRES_AT)
                .from(API_KEY)
                .join(APP_USER)
                .on(APP_USER.ID.eq(API_KEY.OWNER_ID))
                .where(API_KEY.ID.eq(id))
                .fetchOptional(JooqApiKeyRepository::apiKey);
    }

    @Override
    public boolean revoke(long id) {
        return dsl.update(API_KEY)
                        .set(API_KEY.REVOKED_AT, currentOffsetDateTime())
                        .where(API_KEY.ID.eq(id).and(API_KEY.REVOKED_AT.isNull()))
                        .execute()
                == 1;
    }

    @Override
    public boolean exists(String hash) {
        return dsl.fetchExists(API_KEY, API_KEY.KEY_HASH.eq(hash));
    }

    @Override
    public Optional<String> firstAdmin() {
        return dsl.select(APP_USER.USERNAME)
                .from(APP_USER)
                .where(APP_USER.ROLE.eq("ADMIN").and(APP_USER.ENABLED.isTrue()))
                .orderBy(APP_USER.CREATED_AT, APP_USER.ID)
                .limit(1)
                .fetchOptional(APP_USER.USERNAME);
    }

    @Override
    public Optional<KeyUse> useActive(String hash) {
        Optional<KeyUse> owner = dsl.select(APP_USER.USERNAME, API_KEY.SCOPES)
                .from(API_KEY)
                .join(APP_USER)
                .on(APP_USER.ID.eq(API_KEY.OWNER_ID))
                .where(API_KEY.KEY_HASH
                        .eq(hash)
                        .and(API_KEY.REVOKED_AT.isNull())
                        .and(API_KEY.EXPIRES_AT.isNull().or(API_KEY.EXPIRES_AT.gt(currentOffsetDateTime()))))
                .fetchOptional(r -> new KeyUse(r.value1(), scopes(r.value2())));
        if (owner.isPresent()) {
            // at most one write a minute per key, however busy the script
            dsl.update(API_KEY)
                    .set(API_KEY.LAST_USED_AT, currentOffsetDateTime())
                    .where(API_KEY.KEY_HASH
                            .eq(hash)
                            .and(API_KEY.LAST_USED_AT
                                    .isNull()
                                    .or(API_KEY.LAST_USED_AT.lt(
                                            java.time.OffsetDateTime.now().minusMinutes(1)))))
                    .execute();
        }
        return owner;
    }

    private static ApiKey apiKey(Record r) {
        return new ApiKey(
                r.get(API_KEY.ID),
                r.get(APP_USER.USERNAME),
                r.get(API_KEY.NAME),
                r.get(API_KEY.KEY_PREFIX),
                r.get(API_KEY.CREATED_AT),
                r.get(API_KEY.LAST_USED_AT),
                r.get(API_KEY.REVOKED_AT),
                scopes(r.get(API_KEY.SCOPES)),
                r.get(API_KEY.EXPIRES_AT));
    }

    private static java.util.Set<ApiKeyScope> scopes(String[] names) {
        java.util.Set<ApiKeyScope> scopes = java.util.EnumSet.noneOf(ApiKeyScope.class);
        for (String name : names) {
            scopes.add(ApiKeyScope.valueOf(name));
        }
        return scopes;
    }
}
