package org.cailab.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.cailab.promptset.PromptImportException;
import org.cailab.promptset.Utf8Lines;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads hh-rlhf preference files ({@code {"chosen": transcript, "rejected": transcript}} a line, plain or gzip) one
 * pair at a time, so a large file is never held in memory. Transcripts are read exactly as the prompt-set import
 * reads them. The conversation is everything before the last assistant turn, which must be the same in both
 * transcripts and end in a human turn; a line where it does not is skipped and reported (the public harmless-base
 * test file has five, whose conversations differ). Any
 * other problem stops the reader with a {@link PairImportException} naming the line.
 */
final class HhPairReader {

    /** One line's pair: A is the chosen response, B the rejected one. */
    record HhPair(int line, List<Turn> conversation, String chosen, String rejected) {}

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Utf8Lines lines;
    private int linesRead;

    HhPairReader(InputStream input) {
        try {
            this.lines = Utf8Lines.open(input);
        } catch (IOException e) {
            throw new PairImportException("The file could not be read: " + e.getMessage());
        }
    }

    /**
     * The next pair; {@code null} at the end of the file.
     *
     * @param skipped receives the number of a line whose two conversations differ
     */
    @Nullable
    HhPair next(java.util.function.IntConsumer skipped) {
        while (true) {
            String line;
            try {
                line = lines.next();
            } catch (PromptImportException e) {
                throw new PairImportException(e.line(), e.getMessage().replaceFirst("^Line \\d+: ", ""));
            }
            if (line == null) {
                return null;
            }
            int number = lines.number();
            if (line.isBlank()) {
                continue;
            }
            linesRead++;
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JacksonException e) {
                throw new PairImportException(number, "not valid JSON: " + e.getOriginalMessage());
            }
            if (!node.isObject()) {
                throw new PairImportException(number, "expected a JSON object with \"chosen\" and \"rejected\"");
            }
            List<Turn> chosen = transcript(node, "chosen", number);
            List<Turn> rejected = transcript(node, "rejected", number);
            List<Turn> conversation = chosen.subList(0, chosen.size() - 1);
            if (!conversation.equals(rejected.subList(0, rejected.size() - 1))
                    || conversation.getLast().speaker() != Turn.Speaker.HUMAN) {
                skipped.accept(number);
                continue;
            }
            return new HhPair(
                    number,
                    List.copyOf(conversation),
                    chosen.getLast().text(),
                    rejected.getLast().text());
        }
    }

    /** Non-blank lines read so far. */
    int linesRead() {
        return linesRead;
    }

    private static List<Turn> transcript(JsonNode node, String key, int line) {
        JsonNode value = node.get(key);
        if (value == null || !value.isString()) {
            throw new PairImportException(line, "no \"" + key + "\" transcript (a JSON string)");
        }
        List<Turn> turns;
        try {
            turns = Conversation.parseLenient(value.stringValue()).turns();
        } catch (IllegalArgumentException e) {
            throw new PairImportException(line, "\"" + key + "\" is not an hh-rlhf transcript: " + e.getMessage());
        }
        if (turns.size() < 2 || turns.getLast().speaker() != Turn.Speaker.ASSISTANT) {
            throw new PairImportException(line, "\"" + key + "\" does not end in an assistant turn");
        }
        return turns;
    }
}
