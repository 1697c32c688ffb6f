package org.cailab.slcai;

import java.util.List;

/**
 * One line of the cai-conversation layout, as in the public HuggingFaceH4/cai-conversation-harmless dataset (its
 * columns are snake_case: {@code init_prompt} ...). For a chain exported at round {@code n}: the final human turn,
 * the initial response, round {@code n}'s critique request and critique (empty for direct revisions), its revision
 * request and revision; {@code messages} and {@code chosen} are the conversation with the revision, {@code rejected}
 * the conversation with the initial response.
 */
public record CaiConversationRow(
        String initPrompt,
        String initResponse,
        String criticPrompt,
        String criticResponse,
        String revisionPrompt,
        String revisionResponse,
        String prompt,
        List<ChatMessage> messages,
        List<ChatMessage> chosen,
        List<ChatMessage> rejected) {

    public CaiConversationRow {
        messages = List.copyOf(messages);
        chosen = List.copyOf(chosen);
        rejected = List.copyOf(rejected);
    }
}
