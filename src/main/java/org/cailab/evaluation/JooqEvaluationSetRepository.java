package org.cailab.evaluation;

import static org.cailab.db.jooq.Tables.EVALUATION_SET;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JooqEvaluationSetRepository {

    private final DSLContext dsl;
    private final JsonMapper mapper;

    JooqEvaluationSetRepository(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.mapper = json;
    }

    /** Inserts a set; empty when the name is taken. */
    Optional<Long> insert(
            String name, String fileName, List<EvalItem> items, List<TranscriptPair> pairs, String createdBy) {
        return dsl.insertInto(EVALUATION_SET)
                .set(EVALUATION_SET.NAME, name)
                .set(EVALUATION_SET.FILE_NAME, fileName)
                .set(EVALUATION_SET.ITEM_COUNT, items.size())
                .set(EVALUATION_SET.ITEMS, JSONB.valueOf(mapper.writeValueAsString(items)))
                .set(
                        EVALUATION_SET.TRANSCRIPT_PAIRS,
                        pairs.isEmpty() ? null : JSONB.valueOf(mapper.writeValueAsString(pairs)))
                .set(EVALUATION_SET.CREATED_BY, createdBy)
                .onConflictDoNothing()
                .returning(EVALUATION_SET.ID)
                .fetchOptional(EVALUATION_SET.ID);
    }

    List<EvaluationSet> findAll() {
        return dsl.select(
                        EVALUATION_SET.ID,
                        EVALUATION_SET.NAME,
                        EVALUATION_SET.FILE_NAME,
                        EVALUATION_SET.ITEM_COUNT,
                        EVALUATION_SET.CREATED_BY,
                        EVALUATION_SET.CREATED_AT)
                .from(EVALUATION_SET)
                .orderBy(EVALUATION_SET.CREATED_AT.desc(), EVALUATION_SET.ID.desc())
                .fetch(JooqEvaluationSetRepository::set);
    }

    Optional<EvaluationSet> findByName(String name) {
        return dsl.select(
                        EVALUATION_SET.ID,
                        EVALUATION_SET.NAME,
                        EVALUATION_SET.FILE_NAME,
                        EVALUATION_SET.ITEM_COUNT,
                        EVALUATION_SET.CREATED_BY,
                        EVALUATION_SET.CREATED_AT)
                .from(EVALUATION_SET)
                .where(EVALUATION_SET.NAME.equalIgnoreCase(name))
                .fetchOptional(JooqEvaluationSetRepository::set);
    }

    List<EvalItem> items(long id) {
        JSONB json = dsl.select(EVALUATION_SET.ITEMS)
                .from(EVALUATION_SET)
                .where(EVALUATION_SET.ID.eq(id))
                .fetchOptional(EVALUATION_SET.ITEMS)
                .orElseThrow(() -> new IllegalArgumentException("There is no evaluation set " + id + "."));
        return mapper.readValue(json.data(), new TypeReference<List<EvalItem>>() {});
    }

    List<TranscriptPair> transcriptPairs(long id) {
        JSONB json = dsl.select(EVALUATION_SET.TRANSCRIPT_PAIRS)
                .from(EVALUATION_SET)
                .where(EVALUATION_SET.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("There is no evaluation set " + id + "."))
                .value1();
        return json == null ? List.of() : mapper.readValue(json.data(), new TypeReference<List<TranscriptPair>>() {});
    }

    List<String> namesWithTranscriptPairs() {
        return dsl.select(EVALUATION_SET.NAME)
                .from(EVALUATION_SET)
                .where(EVALUATION_SET.TRANSCRIPT_PAIRS.isNotNull())
                .orderBy(EVALUATION_SET.CREATED_AT.desc(), EVALUATION_SET.ID.desc())
                .fetch(EVALUATION_SET.NAME);
    }

    private static EvaluationSet set(Record r) {
        return new EvaluationSet(
                r.get(EVALUATION_SET.ID),
                r.get(EVALUATION_SET.NAME),
                r.get(EVALUATION_SET.FILE_NAME),
                r.get(EVALUATION_SET.ITEM_COUNT),
                r.get(EVALUATION_SET.CREATED_BY),
                r.get(EVALUATION_SET.CREATED_AT));
    }
}
