package org.cailab.slcai;

import java.util.List;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.cailab.promptset.Prompt;

/**
 * The input of one SL-CAI run item: the prompt, copied into the run so the run never depends on a prompt set that
 * may be deleted later.
 *
 * @param kind {@code chain} for a red-team prompt, {@code helpful} for a helpfulness prompt
 */
record SlCaiItemInput(String kind, long promptId, int position, List<Turn> turns) {

    SlCaiItemInput {
        turns = List.copyOf(turns);
    }

    static SlCaiItemInput chain(Prompt prompt) {
        return new SlCaiItemInput(CritiqueRevisionChain.KIND, prompt.id(), prompt.position(), prompt.turns());
    }

    static SlCaiItemInput helpful(Prompt prompt) {
        return new SlCaiItemInput(HelpfulSamples.KIND, prompt.id(), prompt.position(), prompt.turns());
    }

    Conversation conversation() {
        return new Conversation(turns);
    }

    List<ChatMessage> messages() {
        return turns.stream().map(ChatMessage::of).toList();
    }
}
