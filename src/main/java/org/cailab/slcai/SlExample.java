package org.cailab.slcai;

import java.util.List;
import java.util.Objects;

/**
 * One SL finetuning example: a prompt conversation (ending with the user's turn) and the assistant response to
 * train on.
 */
public record SlExample(List<ChatMessage> conversation, String completion) {

    public SlExample {
        conversation = List.copyOf(conversation);
        Objects.requireNonNull(completion, "completion");
    }
}
