package org.cailab.dialogue;

import java.util.Objects;

/**
 * One turn of a conversation.
 *
 * @param speaker who speaks
 * @param text what is said, exactly as it follows {@code "Human: "} or {@code "Assistant: "} (leading and trailing
 *     whitespace is kept, so that transcripts render back byte for byte; see {@link Conversation#stripped()})
 */
public record Turn(Speaker speaker, String text) {

    // no other accessor-like methods (isX/getX): turns are stored as JSON {"speaker", "text"} in prompt sets and run
    // items, and Jackson would write such a method as one more property

    /** Who speaks a turn. */
    public enum Speaker {
        HUMAN("Human"),
        ASSISTANT("Assistant");

        private final String label;

        Speaker(String label) {
            this.label = label;
        }

        /** The speaker's name in transcripts ({@code Human} / {@code Assistant}). */
        public String label() {
            return label;
        }
    }

    public Turn {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
    }

    public static Turn human(String text) {
        return new Turn(Speaker.HUMAN, text);
    }

    public static Turn assistant(String text) {
        return new Turn(Speaker.ASSISTANT, text);
    }

    /** The same speaker with another text. */
    public Turn withText(String newText) {
        return new Turn(speaker, newText);
    }
}
