package org.cailab.constitution.ui;

import org.cailab.constitution.Conversation;

/**
 * Conversations as people type them: {@code "Human: ...\n\nAssistant: ..."}, the paper's transcript without the
 * two leading line breaks.
 */
final class Transcripts {

    private Transcripts() {}

    static String toText(Conversation conversation) {
        String rendered = conversation.render();
        return rendered.isEmpty() ? "" : rendered.substring(2);
    }

    /** @throws IllegalArgumentException with a message for the person typing */
    static Conversation parse(String text) {
        String normalized = text.replace("\r\n", "\n");
        if (normalized.isBlank()) {
            return new Conversation(java.util.List.of());
        }
        if (!normalized.startsWith("Human: ") && !normalized.startsWith("Assistant: ")) {
            throw new IllegalArgumentException(
                    "must start with \"Human: \" or \"Assistant: \"; separate turns by a blank line");
        }
        return Conversation.parse("\n\n" + normalized);
    }
}
