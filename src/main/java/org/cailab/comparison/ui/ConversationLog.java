package org.cailab.comparison.ui;

import java.util.List;
import org.cailab.base.ui.DialogueLog;
import org.cailab.dialogue.Exchange;
import org.jspecify.annotations.Nullable;

/** The conversation so far: the worker's messages and the answers they picked (the answers under way show in panes). */
class ConversationLog extends DialogueLog {

    ConversationLog() {
        super("cmp", "Start the conversation: write a message below.");
    }

    void show(List<Exchange> exchanges, @Nullable String pendingMessage) {
        show(exchanges, Exchange::humanMessage, Exchange::answer, pendingMessage);
    }
}
