package org.cailab.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A run's database id, as other modules and the views hold it. Written to JSON as the bare number, and {@link
 * #toString()} is the bare number too, so run pages' URLs ({@code "runs/" + id}) and log messages read as before.
 *
 * <p>Careful where Java accepts any object: a {@code RunId} is never equal to a {@code Long}, so look-ups in maps keyed
 * by {@code Long}, {@code equals} and assertions against a number need {@link #value()}.
 */
public record RunId(@JsonValue long value) implements Comparable<RunId> {

    @JsonCreator
    public static RunId of(long value) {
        return new RunId(value);
    }

    /** By number, so grids and sorted lists order runs as they did by their {@code long} (not "10" before "9"). */
    @Override
    public int compareTo(RunId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
