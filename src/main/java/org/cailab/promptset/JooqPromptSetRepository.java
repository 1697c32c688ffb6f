package org.cailab.promptset;

import static org.cailab.db.jooq.Tables.PROMPT_SET;
import static org.cailab.db.jooq.Tables.PROMPT_SET_PROMPT;
import static org.jooq.impl.DSL.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cailab.dialogue.Turn;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Row5;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JooqPromptSetRepository implements PromptSetRepository {

    private static final int BATCH = 500;
    private static final TypeReference<List<Turn>> TURNS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {};

    private final DSLContext dsl;
    private final JsonMapper json;

    JooqPromptSetRepository(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    @Override
    public Optional<Long> insertSet(PromptImport request, PromptParser.Parsed parsed, String createdBy) {
        return dsl.insertInto(PROMPT_SET)
                .set(PROMPT_SET.NAME, request.name())
                .set(PROMPT_SET.KIND, request.kind().name())
                .set(PROMPT_SET.FORMAT, request.format().name())
                .set(PROMPT_SET.EXTRACTION, request.extraction().name())
                .set(PROMPT_SET.SOURCE_NAME, request.sourceName())
                .set(PROMPT_SET.RECORDS_READ, parsed.recordsRead())
                .set(PROMPT_SET.DUPLICATES_SKIPPED, parsed.duplicatesSkipped())
                .set(PROMPT_SET.PROMPT_COUNT, parsed.prompts().size())
                .set(PROMPT_SET.CREATED_BY, createdBy)
                .onConflictDoNothing()
                .returning(PROMPT_SET.ID)
                .fetchOptional(PROMPT_SET.ID);
    }

    @Override
    public void insertPrompts(long setId, List<PromptParser.ParsedPrompt> prompts) {
        for (int from = 0; from < prompts.size(); from += BATCH) {
            List<Row5<Long, Integer, JSONB, String, JSONB>> rows = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(prompts.size(), from + BATCH); i++) {
                PromptParser.ParsedPrompt p = prompts.get(i);
                rows.add(row(
                        setId,
                        i + 1,
                        JSONB.valueOf(json.writeValueAsString(p.turns())),
                        p.transcript(),
                        JSONB.valueOf(json.writeValueAsString(p.metadata()))));
            }
            dsl.insertInto(
                            PROMPT_SET_PROMPT,
                            PROMPT_SET_PROMPT.PROMPT_SET_ID,
                            PROMPT_SET_PROMPT.POSITION,
                            PROMPT_SET_PROMPT.TURNS,
                            PROMPT_SET_PROMPT.TRANSCRIPT,
                            PROMPT_SET_PROMPT.METADATA)
                    .valuesOfRows(rows)
                    .execute();
        }
    }

    @Override
    public Optional<PromptSet> findById(long id) {
        return dsl.selectFrom(PROMPT_SET).where(PROMPT_SET.ID.eq(id)).fetchOptional(JooqPromptSetRepository::toSet);
    }

    @Override
    public List<PromptSet> findAll() {
        return dsl.selectFrom(PROMPT_SET).orderBy(PROMPT_SET.ID.desc()).fetch(JooqPromptSetRepository::toSet);
    }

    @Override
    public List<Prompt> findPrompts(long setId, int offset, int limit) {
        return dsl.selectFrom(PROMPT_SET_PROMPT)
                .where(PROMPT_SET_PROMPT.PROMPT_SET_ID.eq(setId))
                .orderBy(PROMPT_SET_PROMPT.POSITION)
                .offset(offset)
                .limit(limit)
                .fetch(r -> new Prompt(
                        r.getId(),
                        r.getPosition(),
                        json.readValue(r.getTurns().data(), TURNS),
                        json.readValue(r.getMetadata().data(), METADATA)));
    }

    @Override
    public boolean delete(long id) {
        return dsl.deleteFrom(PROMPT_SET).where(PROMPT_SET.ID.eq(id)).execute() == 1;
    }

    private static PromptSet toSet(Record r) {
        return new PromptSet(
                r.get(PROMPT_SET.ID),
                r.get(PROMPT_SET.NAME),
                PromptSetKind.valueOf(r.get(PROMPT_SET.KIND)),
                PromptFormat.valueOf(r.get(PROMPT_SET.FORMAT)),
                PromptExtraction.valueOf(r.get(PROMPT_SET.EXTRACTION)),
                r.get(PROMPT_SET.SOURCE_NAME),
                r.get(PROMPT_SET.RECORDS_READ),
                r.get(PROMPT_SET.DUPLICATES_SKIPPED),
                r.get(PROMPT_SET.PROMPT_COUNT),
                r.get(PROMPT_SET.CREATED_BY),
                r.get(PROMPT_SET.CREATED_AT));
    }
}
