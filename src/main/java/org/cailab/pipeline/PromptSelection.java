package org.cailab.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Which prompts of a run's prompt set it works on: all of them, the first N, or a random sample of N drawn with the
 * run's seed (so that a researcher can try a run on 20 prompts before the full set). Recorded in the run's
 * configuration under {@link #MODE} and {@link #COUNT}; every stage that reads a prompt set applies it.
 *
 * @param count how many prompts for {@link Mode#FIRST} and {@link Mode#SAMPLE}; ignored for {@link Mode#ALL}
 */
public record PromptSelection(Mode mode, int count) {

    public static final String MODE = "promptSelection";
    public static final String COUNT = "promptCount";
    public static final PromptSelection ALL = new PromptSelection(Mode.ALL, 0);

    public enum Mode {
        ALL("All prompts"),
        FIRST("First N"),
        SAMPLE("Random sample of N (seeded)");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public PromptSelection {
        if (mode != Mode.ALL && count < 1) {
            throw new RunException("The number of prompts to use must be at least 1.");
        }
        count = mode == Mode.ALL ? 0 : count;
    }

    /** The selection recorded in a configuration (all prompts when none is). */
    public static PromptSelection of(RunConfig config) {
        String mode = config.parameter(MODE, "all").strip().toUpperCase(Locale.ROOT);
        Mode parsed;
        try {
            parsed = Mode.valueOf(mode.isEmpty() ? "ALL" : mode);
        } catch (IllegalArgumentException e) {
            throw new RunException(
                    "Prompt selection must be all, first or sample, not \"" + mode.toLowerCase(Locale.ROOT) + "\".");
        }
        if (parsed == Mode.ALL) {
            return ALL;
        }
        String count = config.parameter(COUNT, "").strip();
        try {
            return new PromptSelection(parsed, Integer.parseInt(count));
        } catch (NumberFormatException e) {
            throw new RunException("The number of prompts to use must be a whole number, not \"" + count + "\".");
        }
    }

    /** This selection written into a configuration. */
    public RunConfig writeTo(RunConfig config) {
        RunConfig out = config.withParameter(MODE, mode.name().toLowerCase(Locale.ROOT));
        return mode == Mode.ALL ? out : out.withParameter(COUNT, String.valueOf(count));
    }

    /**
     * The selected prompts, in their original order. A sample is a uniform draw without replacement (partial
     * Fisher-Yates) from a generator seeded with {@code seed}: the same seed selects the same prompts.
     */
    public <T> List<T> apply(List<T> prompts, long seed) {
        if (mode == Mode.ALL || count >= prompts.size()) {
            return List.copyOf(prompts);
        }
        if (mode == Mode.FIRST) {
            return List.copyOf(prompts.subList(0, count));
        }
        int[] indices = IntStream.range(0, prompts.size()).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(indices.length - i);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        int[] chosen = java.util.Arrays.copyOf(indices, count);
        java.util.Arrays.sort(chosen);
        List<T> out = new ArrayList<>(count);
        for (int index : chosen) {
            out.add(prompts.get(index));
        }
        return List.copyOf(out);
    }

    /** For run pages: "all prompts", "first 20 prompts", "random sample of 20 prompts". */
    public String describe() {
        return switch (mode) {
            case ALL -> "all prompts";
            case FIRST -> "first " + count + " prompts";
            case SAMPLE -> "random sample of " + count + " prompts";
        };
    }
}
