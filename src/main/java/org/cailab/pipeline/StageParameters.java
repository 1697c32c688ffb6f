package org.cailab.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a run's stage parameters ({@link RunConfig#parameters()}, stored as text) as typed values. Every failure is
 * a {@link RunException} that names the parameter's key and the value it had, so that a stage's parameter record
 * ({@code SlCaiParameters.of(config)}, {@code PmScoreParameters.of(config)}) parses the map once, in one place,
 * instead of {@code Long.parseLong} wherever a value is used.
 */
public final class StageParameters {

    private final RunConfig config;

    private StageParameters(RunConfig config) {
        this.config = config;
    }

    public static StageParameters of(RunConfig config) {
        return new StageParameters(config);
    }

    /** The value, stripped; empty when the parameter is not set. */
    public String text(String key) {
        return config.parameter(key, "").strip();
    }

    /** A required id (a database id: a whole number of at least 1). */
    public long id(String key) {
        Long id = optionalId(key);
        if (id == null) {
            throw new RunException("Parameter \"" + key + "\" is missing.");
        }
        return id;
    }

    /** An id, or {@code null} when the parameter is not set. */
    public @Nullable Long optionalId(String key) {
        String value = text(key);
        return value.isEmpty() ? null : parseId(key, value);
    }

    /** Ids separated by commas (empty when the parameter is not set). */
    public List<Long> ids(String key) {
        List<Long> out = new ArrayList<>();
        for (String part : text(key).split(",")) {
            if (!part.isBlank()) {
                out.add(parseId(key, part.strip()));
            }
        }
        return List.copyOf(out);
    }

    /** A whole number, {@code fallback} when not set. */
    public int integer(String key, int fallback) {
        String value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new RunException("Parameter \"" + key + "\" must be a whole number, not \"" + value + "\".");
        }
    }

    /** A number, {@code fallback} when not set. */
    public double decimal(String key, double fallback) {
        String value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new RunException("Parameter \"" + key + "\" must be a number, not \"" + value + "\".");
        }
    }

    /** {@code true} or {@code false} (any case), {@code fallback} when not set. */
    public boolean flag(String key, boolean fallback) {
        String value = text(key).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> fallback;
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new RunException("Parameter \"" + key + "\" must be true or false, not \"" + value + "\".");
        };
    }

    private static long parseId(String key, String value) {
        try {
            long id = Long.parseLong(value);
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new RunException(
                    "Parameter \"" + key + "\" must be an id (a whole number of at least 1), not \"" + value + "\".");
        }
    }
}
