package org.cailab.pipeline;

import java.util.Objects;

/**
 * Something a run type reads that exists outside the run: a prompt set, a constitution version, a model snapshot in
 * a role. The stage declares its inputs ({@link RunStage#inputs()}); the start form shows a picker for each, and
 * the engine refuses to start a run that lacks a {@linkplain #required() required} one. Settings that are numbers,
 * flags or references to earlier runs are {@link RunParameter}s instead. A new kind (a dataset, say) is a record
 * here, a field of {@link RunConfig} and a picker on the form.
 */
public sealed interface RunInput {

    /** Whether the engine refuses a run without it (an optional input has a default the stage documents). */
    boolean required();

    /** For messages: "a prompt set". */
    String describe();

    /** Whether {@code config} names this input. */
    boolean presentIn(RunConfig config);

    /** The prompt set the items come from, all of it or a {@link PromptSelection}. */
    RunInput PROMPT_SET = new PromptSet();

    /** The constitution version; optional: without one the stage uses the default constitution. */
    RunInput CONSTITUTION_VERSION = new ConstitutionVersion();

    /** A model snapshot in a role, for example "Policy model": the n-th snapshot input is {@code modelSnapshots[n]}. */
    static RunInput snapshot(String role) {
        return new Snapshot(role);
    }

    record PromptSet() implements RunInput {
        @Override
        public boolean required() {
            return true;
        }

        @Override
        public String describe() {
            return "a prompt set";
        }

        @Override
        public boolean presentIn(RunConfig config) {
            return config.promptSet() != null;
        }
    }

    record ConstitutionVersion() implements RunInput {
        @Override
        public boolean required() {
            return false;
        }

        @Override
        public String describe() {
            return "a constitution version";
        }

        @Override
        public boolean presentIn(RunConfig config) {
            return config.constitution() != null;
        }
    }

    /**
     * A snapshot in a role. Not required by the engine: each stage checks its snapshots' kinds and count itself, with
     * messages that name the role.
     */
    record Snapshot(String role) implements RunInput {
        public Snapshot {
            Objects.requireNonNull(role, "role");
        }

        @Override
        public boolean required() {
            return false;
        }

        @Override
        public String describe() {
            return "the " + role.toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public boolean presentIn(RunConfig config) {
            return !config.modelSnapshots().isEmpty();
        }
    }
}
