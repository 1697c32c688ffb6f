package org.cailab.slcai;

import org.cailab.constitution.Conversation;
import org.cailab.constitution.PromptFormats;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns stored samples into lines of SL finetuning data (see {@link SlDatasetFormat}). A chain gives one line, with
 * its response after {@code round} rounds; helpfulness samples give one line per response in the messages and
 * prompt/completion layouts and none in the cai-conversation layout, which has no place for them.
 */
final class SlDatasetWriter {

    private static final JsonMapper JSON = JsonMapper.shared();

    private SlDatasetWriter() {
    }

    /** The JSON lines (without line breaks) of one sample. */
    static List<String> lines(SlCaiSample sample, SlDatasetFormat format, int round) {
        return switch (format) {
            case MESSAGES -> examples(sample, round).stream().map(SlDatasetWriter::messagesLine).toList();
            case PROMPT_COMPLETION -> examples(sample, round).stream().map(SlDatasetWriter::promptCompletionLine).toList();
            case CAI_CONVERSATION -> sample instanceof CritiqueRevisionChain chain
                    ? List.of(caiConversationLine(caiConversationRow(chain, round))) : List.of();
        };
    }

    /** The finetuning examples of one sample: a chain's response after {@code round} rounds, or each helpful sample. */
    static List<SlExample> examples(SlCaiSample sample, int round) {
        return switch (sample) {
            case CritiqueRevisionChain chain -> List.of(new SlExample(chain.conversation(), chain.response(round)));
            case HelpfulSamples helpful -> helpful.responses().stream()
                    .map(r -> new SlExample(helpful.conversation(), r)).toList();
        };
    }

    static CaiConversationRow caiConversationRow(CritiqueRevisionChain chain, int round) {
        if (round < 1 || round > chain.rounds().size()) {
            throw new IllegalArgumentException("The cai-conversation layout needs a round from 1 to "
                    + chain.rounds().size() + ", not " + round);
        }
        ChainRound r = chain.rounds().get(round - 1);
        String prompt = chain.lastHumanText();
        return new CaiConversationRow(prompt, chain.initialResponse(),
                r.critiqueRequest() == null ? "" : r.critiqueRequest(), r.critique() == null ? "" : r.critique(),
                r.revisionRequest(), r.revision(), prompt.strip(),
                with(chain.conversation(), r.revision()), with(chain.conversation(), r.revision()),
                with(chain.conversation(), chain.initialResponse()));
    }

    /** The paper's transcript of a conversation, ending where the assistant answers. */
    static String transcriptPrompt(List<ChatMessage> conversation) {
        Conversation transcript = new Conversation(conversation.stream().map(m -> new Conversation.Turn(
                m.role().equals(ChatMessage.USER) ? Conversation.Speaker.HUMAN : Conversation.Speaker.ASSISTANT,
                m.content())).toList());
        return transcript.render() + PromptFormats.ASSISTANT_MARKER;
    }

    private static String messagesLine(SlExample example) {
        ObjectNode line = JSON.createObjectNode();
        line.set("messages", messages(with(example.conversation(), example.completion())));
        return JSON.writeValueAsString(line);
    }

    private static String promptCompletionLine(SlExample example) {
        ObjectNode line = JSON.createObjectNode();
        line.put("prompt", transcriptPrompt(example.conversation()));
        line.put("completion", " " + example.completion());
        return JSON.writeValueAsString(line);
    }

    private static String caiConversationLine(CaiConversationRow row) {
        ObjectNode line = JSON.createObjectNode();
        line.put("init_prompt", row.initPrompt());
        line.put("init_response", row.initResponse());
        line.put("critic_prompt", row.criticPrompt());
        line.put("critic_response", row.criticResponse());
        line.put("revision_prompt", row.revisionPrompt());
        line.put("revision_response", row.revisionResponse());
        line.put("prompt", row.prompt());
        line.set("messages", messages(row.messages()));
        line.set("chosen", messages(row.chosen()));
        line.set("rejected", messages(row.rejected()));
        return JSON.writeValueAsString(line);
    }

    private static ArrayNode messages(List<ChatMessage> messages) {
        ArrayNode array = JSON.createArrayNode();
        for (ChatMessage message : messages) {
            array.addObject().put("role", message.role()).put("content", message.content());
        }
        return array;
    }

    private static List<ChatMessage> with(List<ChatMessage> conversation, String response) {
        List<ChatMessage> all = new ArrayList<>(conversation);
        all.add(ChatMessage.assistant(response));
        return all;
    }
}
