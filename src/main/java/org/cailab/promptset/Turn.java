package org.cailab.promptset;

import java.util.Objects;

/** One turn of a conversation. */
public record Turn(Speaker speaker, String text) {

    public enum Speaker {
        HUMAN("Human"),
        ASSISTANT("Assistant");

        private final String label;

        Speaker(String label) {
            this.label = label;
        }

        /** The speaker's name in hh-rlhf transcripts ({@code Human:} / {@code Assistant:}). */
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
}
