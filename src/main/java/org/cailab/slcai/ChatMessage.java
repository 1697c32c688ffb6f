package org.cailab.slcai;

import java.util.Objects;
import org.cailab.dialogue.Turn;

/**
 * One turn of a conversation in the chat layout that finetuning stacks read ({@code {"role", "content"}}).
 *
 * @param role    {@code user} or {@code assistant}
 * @param content the turn's text
 */
public record ChatMessage(String role, String content) {

    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";

    public ChatMessage {
        if (!USER.equals(role) && !ASSISTANT.equals(role)) {
            throw new IllegalArgumentException("A message's role must be user or assistant, was " + role);
        }
        Objects.requireNonNull(content, "content");
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(USER, content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(ASSISTANT, content);
    }

    /** The message of a turn: the human is the {@code user}. */
    public static ChatMessage of(Turn turn) {
        return turn.speaker() == Turn.Speaker.HUMAN ? user(turn.text()) : assistant(turn.text());
    }

    /** The turn of this message. */
    public Turn toTurn() {
        return USER.equals(role) ? Turn.human(content) : Turn.assistant(content);
    }
}
