package org.cailab.redteam;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes rated attempts in the shape of hh-rlhf's red-team attempts file: one JSON array of records, streamed.
 * An imported attempt is written as the record it was imported from (PostgreSQL's jsonb may order its keys
 * differently). A live attempt has the file's fields, with our model's name as {@code model_type}, the worker's id
 * as {@code red_team_member_id}, nulls for the scores we have no model for, and our own fields after them
 * ({@code task_harm_rating}, {@code source}, campaign, snapshot and timings).
 */
final class AttemptExporter implements AutoCloseable {

    // the caller's stream stays open: the caller owns it
    private static final JsonMapper MAPPER =
            JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final OutputStream target;
    private final JsonGenerator json;

    AttemptExporter(OutputStream out, boolean gzip) {
        try {
            this.target = gzip ? new GZIPOutputStream(out, 64 * 1024) : out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.json = MAPPER.createGenerator(target);
        json.writeStartArray();
    }

    void write(AttemptRepository.ExportRow row) {
        if (row.source() == AttemptSource.IMPORTED && row.original() != null) {
            json.writeRawValue(row.original());
            return;
        }
        json.writeStartObject();
        json.writeStringProperty("transcript", row.transcript());
        json.writeNullProperty("min_harmlessness_score_transcript");
        json.writeNullProperty("num_params");
        json.writeStringProperty("model_type", row.snapshotName());
        json.writeNumberProperty("rating", row.rating());
        json.writeStringProperty("task_description", row.taskDescription());
        json.writeNullProperty("task_descripton_harmlessness_score");
        if (row.workerId() == null) {
            json.writeNullProperty("red_team_member_id");
        } else {
            json.writeNumberProperty("red_team_member_id", row.workerId().longValue());
        }
        json.writeNullProperty("is_upworker");
        json.writeNullProperty("tags");
        if (row.taskHarmRating() == null) {
            json.writeNullProperty("task_harm_rating");
        } else {
            json.writeNumberProperty("task_harm_rating", row.taskHarmRating().intValue());
        }
        json.writeStringProperty("source", "cailab");
        number("campaign_id", row.campaignId());
        number("snapshot_id", row.snapshotId());
        json.writeStringProperty("snapshot_name", row.snapshotName());
        time("started_at", row.startedAt());
        time("rated_at", row.ratedAt());
        json.writeEndObject();
    }

    private void number(String name, @Nullable Long value) {
        if (value == null) {
            json.writeNullProperty(name);
        } else {
            json.writeNumberProperty(name, value.longValue());
        }
    }

    private void time(String name, @Nullable OffsetDateTime value) {
        json.writeStringProperty(name, value == null ? null : value.toString());
    }

    @Override
    public void close() {
        json.writeEndArray();
        json.close();
        try {
            if (target instanceof GZIPOutputStream gzip) {
                gzip.finish();
            }
            target.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
