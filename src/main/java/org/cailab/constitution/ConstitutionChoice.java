package org.cailab.constitution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Which constitution version a run uses, as the researcher gave it or as planning fixed it: a version id, or a
 * reference still to be resolved ({@code "name vN"}, or a constitution's name for its active version; see {@link
 * ConstitutionService#resolve(String)}). Planning replaces a reference by the id it resolves to, so a recorded run
 * always names the exact version. Written to JSON as the text it was before this type existed (the id's digits or
 * the reference), so stored configurations read the same.
 */
public sealed interface ConstitutionChoice {

    /** The text form: the id's digits, or the reference. */
    @JsonValue
    String text();

    /** A resolved version. */
    record Version(long id) implements ConstitutionChoice {
        @Override
        public String text() {
            return String.valueOf(id);
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** A reference by name, not resolved yet. */
    record Named(String reference) implements ConstitutionChoice {
        public Named {
            Objects.requireNonNull(reference, "reference");
            if (reference.isBlank() || reference.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("A constitution name must not be blank or only digits");
            }
        }

        @Override
        public String text() {
            return reference;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    static ConstitutionChoice of(long versionId) {
        return new Version(versionId);
    }

    /** Digits are an id, anything else a name; {@code null} or blank is no choice (the default constitution). */
    @JsonCreator
    static ConstitutionChoice parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String ref = text.strip();
        return ref.chars().allMatch(Character::isDigit) ? new Version(Long.parseLong(ref)) : new Named(ref);
    }

    /** The text of a possibly absent choice, as {@link ConstitutionService#resolve(String)} takes it. */
    static String textOf(ConstitutionChoice choice) {
        return choice == null ? null : choice.text();
    }

    /**
     * The version id that planning fixed.
     *
     * @throws IllegalStateException when the choice is still a name (a stage read an unplanned configuration)
     */
    default long versionId() {
        if (this instanceof Version v) {
            return v.id();
        }
        throw new IllegalStateException("The constitution \"" + text() + "\" was not resolved to a version");
    }
}
