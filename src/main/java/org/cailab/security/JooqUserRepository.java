package org.cailab.security;

import static org.cailab.db.jooq.Tables.APP_USER;
import static org.jooq.impl.DSL.lower;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
class JooqUserRepository implements UserRepository {

    private final DSLContext dsl;

    JooqUserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<StoredUser> findByUsername(String username) {
        return dsl.selectFrom(APP_USER)
                .where(lower(APP_USER.USERNAME).eq(username.toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional(r -> new StoredUser(toAccount(r), r.get(APP_USER.PASSWORD_HASH)));
    }

    @Override
    public Optional<UserAccount> findById(long id) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional(JooqUserRepository::toAccount);
    }

    @Override
    public List<UserAccount> findAll() {
        return dsl.selectFrom(APP_USER).orderBy(lower(APP_USER.USERNAME)).fetch(JooqUserRepository::toAccount);
    }

    @Override
    public List<UserAccount> find(UserQuery query, int offset, int limit) {
        return dsl.selectFrom(APP_USER)
                .where(condition(query))
                .orderBy(lower(APP_USER.USERNAME))
                .offset(offset)
                .limit(limit)
                .fetch(JooqUserRepository::toAccount);
    }

    @Override
    public int count(UserQuery query) {
        return dsl.fetchCount(APP_USER, condition(query));
    }

    private static org.jooq.Condition condition(UserQuery query) {
        org.jooq.Condition condition = org.jooq.impl.DSL.noCondition();
        if (!query.search().isEmpty()) {
            condition = condition.and(APP_USER.USERNAME.containsIgnoreCase(query.search()));
        }
        if (query.role() != null) {
            condition = condition.and(APP_USER.ROLE.eq(query.role().name()));
        }
        org.jooq.Condition participant = APP_USER.USERNAME.startsWith(UserService.PARTICIPANT_PREFIX);
        return switch (query.accounts()) {
            case STAFF -> condition.andNot(participant);
            case PARTICIPANTS -> condition.and(participant);
            case ALL -> condition;
        };
    }

    @Override
    public long count() {
        return dsl.fetchCount(APP_USER);
    }

    @Override
    public long lockEnabledAdmins() {
        return dsl.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.ROLE.eq(Role.ADMIN.name()).and(APP_USER.ENABLED))
                .orderBy(APP_USER.ID)
                .forUpdate()
                .fetch()
                .size();
    }

    @Override
    public Optional<UserAccount> insert(String username, String passwordHash, Role role, boolean mustChange) {
        return dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.ROLE, role.name())
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChange)
                .onConflictDoNothing()
                .returning()
                .fetchOptional(JooqUserRepository::toAccount);
    }

    @Override
    public boolean update(long id, int version, Role role, boolean enabled) {
        return dsl.update(APP_USER)
                        .set(APP_USER.ROLE, role.name())
                        .set(APP_USER.ENABLED, enabled)
                        .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                        .set(APP_USER.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                        .where(APP_USER.ID.eq(id).and(APP_USER.VERSION.eq(version)))
                        .execute()
                == 1;
    }

    @Override
    public void updatePasswordHash(long id, String passwordHash, boolean mustChange) {
        dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChange)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .set(APP_USER.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    private static UserAccount toAccount(Record r) {
        return new UserAccount(
                r.get(APP_USER.ID),
                r.get(APP_USER.USERNAME),
                Role.valueOf(r.get(APP_USER.ROLE)),
                r.get(APP_USER.ENABLED),
                r.get(APP_USER.CREATED_AT),
                r.get(APP_USER.VERSION),
                r.get(APP_USER.MUST_CHANGE_PASSWORD));
    }
}
