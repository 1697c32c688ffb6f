package org.cailab.crowdwork;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * The turn storage every task type's live items share (a comparison's conversation, a red-team attempt): an item
 * table (one worker's conversation in one campaign) and its turns (a worker's message, its prompt, a status and a
 * failure). The task types' repositories map the records and add their own columns and queries. Statuses are stored by
 * name: items {@code ACTIVE}, turns {@code GENERATING} and {@code FAILED} (and the task type's others).
 *
 * @param <I> the item table's record
 * @param <T> the turn table's record
 */
public final class JooqTurnStore<I extends Record, T extends Record> {

    public static final String ACTIVE = "ACTIVE";
    public static final String GENERATING = "GENERATING";
    public static final String FAILED = "FAILED";

    /** The item table and the columns the store reads. */
    public record Items<I extends Record>(
            Table<I> table,
            TableField<I, Long> id,
            TableField<I, Long> campaignId,
            TableField<I, Long> workerId,
            TableField<I, String> status) {}

    /** The turn table and the columns the store reads and writes. */
    public record Turns<T extends Record>(
            Table<T> table,
            TableField<T, Long> id,
            TableField<T, Long> itemId,
            TableField<T, Integer> index,
            TableField<T, String> humanMessage,
            TableField<T, String> prompt,
            TableField<T, String> status,
            TableField<T, String> failure) {}

    private final DSLContext dsl;
    private final Items<I> items;
    private final Turns<T> turns;

    public JooqTurnStore(DSLContext dsl, Items<I> items, Turns<T> turns) {
        this.dsl = dsl;
        this.items = items;
        this.turns = turns;
    }

    /** The worker's active item in the campaign. */
    public Optional<I> findActive(long campaignId, long workerId) {
        return dsl.selectFrom(items.table())
                .where(items.campaignId()
                        .eq(campaignId)
                        .and(items.workerId().eq(workerId))
                        .and(items.status().eq(ACTIVE)))
                .fetchOptional();
    }

    public Optional<T> findTurn(long turnId) {
        return dsl.selectFrom(turns.table()).where(turns.id().eq(turnId)).fetchOptional();
    }

    /** {@link #findTurn}, locked for the rest of the transaction. */
    public Optional<T> lockTurn(long turnId) {
        return dsl.selectFrom(turns.table())
                .where(turns.id().eq(turnId))
                .forUpdate()
                .fetchOptional();
    }

    /** The item's turn in one of {@code statuses} (an item has at most one that is not finished). */
    public Optional<T> turnIn(long itemId, Collection<String> statuses) {
        return dsl.selectFrom(turns.table())
                .where(turns.itemId().eq(itemId).and(turns.status().in(statuses)))
                .fetchOptional();
    }

    public Optional<TurnOwner> turnOwner(long turnId) {
        return dsl.select(items.id(), items.campaignId(), items.workerId())
                .from(turns.table())
                .join(items.table())
                .on(items.id().eq(turns.itemId()))
                .where(turns.id().eq(turnId))
                .fetchOptional(r -> new TurnOwner(r.value1(), r.value2(), r.value3()));
    }

    /** A new turn, generating; {@code more} sets the task type's own columns. */
    public T insertTurn(long itemId, int index, String humanMessage, String prompt, Map<? extends Field<?>, ?> more) {
        return dsl.insertInto(turns.table())
                .set(turns.itemId(), itemId)
                .set(turns.index(), index)
                .set(turns.humanMessage(), humanMessage)
                .set(turns.prompt(), prompt)
                .set(turns.status(), GENERATING)
                .set(more)
                .returning()
                .fetchSingle();
    }

    /** Marks a generating turn failed; false when it was no longer generating. */
    public boolean failTurn(long turnId, String reason) {
        return dsl.update(turns.table())
                        .set(turns.status(), FAILED)
                        .set(turns.failure(), reason)
                        .where(turns.id().eq(turnId).and(turns.status().eq(GENERATING)))
                        .execute()
                == 1;
    }
}
