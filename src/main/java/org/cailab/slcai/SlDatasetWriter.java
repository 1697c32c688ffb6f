package org.cailab.slcai;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.cailab.dialogue.Conversation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns stored samples into lines of SL finetuning data (see {@link SlDatasetFormat}) for a {@link Selection}: the
 * paper's SL-CAI-n gives a chain's revisions of rounds 1 to n, one example each; the one-round choice gives only the
 * response after round n. Helpfulness samples give one line per response in the messages and prompt/completion
 * layouts and none in the cai-conversation layout, which has no place for them. A sample that stopped at the token
 * limit is left out unless the selection includes such samples.
 */
final class SlDatasetWriter {

    private static final JsonMapper JSON = JsonMapper.shared();

    /**
     * Which examples a dataset holds.
     *
     * @param round            the last round whose revisions are targets; 0 for the initial responses
     * @param rounds           every round up to {@code round} or only that one
     * @param includeTruncated whether samples that stopped at the token limit are in
     */
    record Selection(int round, SlDatasetRounds rounds, boolean includeTruncated) {

        /** The paper's SL-CAI-n without truncated samples. */
        static Selection paper(int round) {
            return new Selection(round, SlDatasetRounds.ALL, false);
        }
    }

    /** A chain's or a helpfulness prompt's example, with the round its completion came from (0: not revised). */
    record Target(int round, SlExample example) {}

    private SlDatasetWriter() {}

    /** The JSON lines (without line breaks) of one sample. */
    static List<String> lines(SlCaiSample sample, SlDatasetFormat format, Selection selection) {
        return switch (format) {
            case MESSAGES ->
                examples(sample, selection).stream()
                        .map(SlDatasetWriter::messagesLine)
                        .toList();
            case PROMPT_COMPLETION ->
                examples(sample, selection).stream()
                        .map(SlDatasetWriter::promptCompletionLine)
                        .toList();
            case CAI_CONVERSATION ->
                sample instanceof CritiqueRevisionChain chain
                        ? rounds(chain, selection)
                                .filter(k -> k >= 1)
                                .mapToObj(k -> caiConversationLine(caiConversationRow(chain, k)))
                                .toList()
                        : List.of();
        };
    }

    /** The finetuning examples of one sample. */
    static List<SlExample> examples(SlCaiSample sample, Selection selection) {
        return targets(sample, selection).stream().map(Target::example).toList();
    }

    /** The finetuning examples of one sample with the round each completion came from. */
    static List<Target> targets(SlCaiSample sample, Selection selection) {
        return switch (sample) {
            case CritiqueRevisionChain chain ->
                rounds(chain, selection)
                        .mapToObj(k -> new Target(k, new SlExample(chain.conversation(), chain.response(k))))
                        .toList();
            case HelpfulSamples helpful ->
                IntStream.range(0, helpful.responses().size())
                        .filter(i -> selection.includeTruncated() || !helpful.truncated(i))
                        .mapToObj(i -> new Target(
                                0,
                                new SlExample(
                                        helpful.conversation(),
                                        helpful.responses().get(i))))
                        .toList();
        };
    }

    /** The rounds of a chain whose responses are the selection's targets, in order. */
    static IntStream rounds(CritiqueRevisionChain chain, Selection selection) {
        int n = selection.round();
        if (n < 0 || n > chain.rounds().size()) {
            throw new IllegalArgumentException(
                    "The chain has rounds 0 to " + chain.rounds().size() + ", not " + n);
        }
        IntStream rounds =
                n == 0 || selection.rounds() == SlDatasetRounds.LAST ? IntStream.of(n) : IntStream.rangeClosed(1, n);
        return rounds.filter(k -> selection.includeTruncated() || !chain.responseTruncated(k));
    }

    static CaiConversationRow caiConversationRow(CritiqueRevisionChain chain, int round) {
        if (round < 1 || round > chain.rounds().size()) {
            throw new IllegalArgumentException("The cai-conversation layout needs a round from 1 to "
                    + chain.rounds().size() + ", not " + round);
        }
        ChainRound r = chain.rounds().get(round - 1);
        String prompt = chain.lastHumanText();
        return new CaiConversationRow(
                prompt,
                chain.initialResponse(),
                r.critiqueRequest() == null ? "" : r.critiqueRequest(),
                r.critique() == null ? "" : r.critique(),
                r.revisionRequest(),
                r.revision(),
                prompt.strip(),
                with(chain.conversation(), r.revision()),
                with(chain.conversation(), r.revision()),
                with(chain.conversation(), chain.initialResponse()));
    }

    /** The paper's transcript of a conversation, ending where the assistant answers. */
    static String transcriptPrompt(List<ChatMessage> conversation) {
        return new Conversation(conversation.stream().map(ChatMessage::toTurn).toList()).prompt();
    }

    private static String messagesLine(SlExample example) {
        ObjectNode line = JSON.createObjectNode();
        line.set("messages", messages(with(example.conversation(), example.completion())));
        return JSON.writeValueAsString(line);
    }

    private static String promptCompletionLine(SlExample example) {
        ObjectNode line = JSON.createObjectNode();
        line.put("prompt", transcriptPrompt(example.conversation()));
        line.put("completion", completion(example.completion()));
        return JSON.writeValueAsString(line);
    }

    /** A response as the completion of a transcript prompt: after the one space that follows {@code "Assistant:"}. */
    static String completion(String response) {
        return " " + response;
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
