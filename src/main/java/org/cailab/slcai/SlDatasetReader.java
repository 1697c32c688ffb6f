package org.cailab.slcai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.cailab.constitution.PromptFormats;
import org.cailab.dialogue.Conversation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads SL finetuning data written by {@link SlCaiExportService} (or by other tools in the same layouts) back, for
 * training and for checking files. Blank lines are skipped; a malformed line fails with its line number.
 */
public final class SlDatasetReader {

    private static final JsonMapper JSON = JsonMapper.shared();

    private SlDatasetReader() {}

    /** The examples of a file in any layout (for cai-conversation: the prompt with the revision, {@code messages}). */
    public static List<SlExample> examples(Reader in, SlDatasetFormat format) throws IOException {
        List<SlExample> examples = new ArrayList<>();
        forEachLine(
                in,
                (node, line) -> examples.add(
                        switch (format) {
                            case MESSAGES -> example(messages(node.required("messages"), line), line);
                            case PROMPT_COMPLETION -> promptCompletion(node, line);
                            case CAI_CONVERSATION -> example(messages(node.required("messages"), line), line);
                        }));
        return examples;
    }

    /** The rows of a file in the cai-conversation layout. */
    public static List<CaiConversationRow> caiConversation(Reader in) throws IOException {
        List<CaiConversationRow> rows = new ArrayList<>();
        forEachLine(
                in,
                (node, line) -> rows.add(new CaiConversationRow(
                        text(node, "init_prompt"),
                        text(node, "init_response"),
                        text(node, "critic_prompt"),
                        text(node, "critic_response"),
                        text(node, "revision_prompt"),
                        text(node, "revision_response"),
                        text(node, "prompt"),
                        messages(node.required("messages"), line),
                        messages(node.required("chosen"), line),
                        messages(node.required("rejected"), line))));
        return rows;
    }

    private interface LineHandler {
        void accept(JsonNode node, int line);
    }

    private static void forEachLine(Reader in, LineHandler handler) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        int number = 0;
        for (String text; (text = reader.readLine()) != null; ) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            try {
                handler.accept(JSON.readTree(text), number);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Line " + number + ": " + e.getMessage(), e);
            }
        }
    }

    private static SlExample example(List<ChatMessage> messages, int line) {
        if (messages.size() < 2 || !messages.getLast().role().equals(ChatMessage.ASSISTANT)) {
            throw new IllegalArgumentException("line " + line + " does not end with an assistant message");
        }
        return new SlExample(
                messages.subList(0, messages.size() - 1), messages.getLast().content());
    }

    private static SlExample promptCompletion(JsonNode node, int line) {
        String prompt = text(node, "prompt");
        if (!prompt.endsWith(PromptFormats.ASSISTANT_MARKER)) {
            throw new IllegalArgumentException("line " + line + ": the prompt does not end with \"\\n\\nAssistant:\"");
        }
        Conversation conversation =
                Conversation.parse(prompt.substring(0, prompt.length() - PromptFormats.ASSISTANT_MARKER.length()));
        List<ChatMessage> messages =
                conversation.turns().stream().map(ChatMessage::of).toList();
        return new SlExample(messages, PromptFormats.sampleText(text(node, "completion")));
    }

    private static List<ChatMessage> messages(JsonNode array, int line) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("line " + line + ": messages must be an array");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode message : array) {
            messages.add(new ChatMessage(text(message, "role"), text(message, "content")));
        }
        return messages;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.required(field);
        if (!value.isString()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return value.asString();
    }
}
