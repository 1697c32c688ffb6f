package org.cailab.constitution;

import static org.cailab.constitution.PromptFormats.*;

import java.util.ArrayList;
import java.util.List;
import org.cailab.dialogue.Conversation;
import org.jspecify.annotations.Nullable;

/**
 * The parsing half of {@link PromptFormats}. Each method accepts exactly what the matching render method
 * produces and throws {@link IllegalArgumentException} naming what is missing otherwise.
 */
final class PromptParser {

    /** A principle slot of the chain-of-thought few-shots that the paper leaves for the current principle. */
    static final String PLACEHOLDER = "{}";

    private PromptParser() {}

    static MultipleChoiceQuestion multipleChoice(String prompt) {
        String body = between(prompt, MC_HEADER, MC_ANSWER, "a multiple-choice question");
        Options options = options(body);
        Slot slot = slot(options.head());
        if (slot.instruction() == null) {
            throw new IllegalArgumentException("the principle slot is empty");
        }
        return new MultipleChoiceQuestion(slot.conversation(), slot.instruction(), options.a(), options.b());
    }

    static ChainOfThoughtExample chainOfThought(String text) {
        Choice correct = text.endsWith(COT_ANSWER + Choice.A.answer())
                ? Choice.A
                : text.endsWith(COT_ANSWER + Choice.B.answer()) ? Choice.B : null;
        if (correct == null) {
            throw new IllegalArgumentException("must end with \"" + escape(COT_ANSWER) + " (A)\" or \" (B)\"");
        }
        String body = between(text, COT_HEADER, COT_ANSWER + correct.answer(), "a chain-of-thought example");
        int think = body.indexOf(OPTIONS_END + COT_THINK);
        if (think < 0) {
            throw new IllegalArgumentException("no \"" + escape(COT_THINK) + "\" after the options");
        }
        Options options = options(body.substring(0, think + OPTIONS_END.length()));
        Slot slot = slot(options.head());
        String reasoning =
                fromAfterColon(body.substring(think + OPTIONS_END.length() + COT_THINK.length()), "reasoning");
        Conversation conversation = Conversation.parse(slot.conversationText(), "H", "A");
        return new ChainOfThoughtExample(
                conversation, slot.instruction(), options.a(), options.b(), correct, reasoning);
    }

    static CritiqueRevisionExample critiqueRevisionExample(String text) {
        boolean marker = text.endsWith(HUMAN_MARKER);
        String chain = marker ? text.substring(0, text.length() - HUMAN_MARKER.length()) : text;
        int firstRound = indexOfRound(chain, 0);
        if (firstRound < 0) {
            throw new IllegalArgumentException("no \"" + escape(CRITIQUE_REQUEST) + "\" or \""
                    + escape(REVISION_REQUEST) + "\" after the conversation");
        }
        Conversation conversation = Conversation.parse(chain.substring(0, firstRound));
        List<CritiqueRevisionRound> rounds = new ArrayList<>();
        int at = firstRound;
        while (at < chain.length()) {
            String critiqueRequest = null;
            String critique = null;
            if (chain.startsWith(CRITIQUE_REQUEST, at)) {
                int critiqueAt = required(chain, CRITIQUE, at, "round " + (rounds.size() + 1));
                int requestAt = required(chain, REVISION_REQUEST, critiqueAt, "round " + (rounds.size() + 1));
                critiqueRequest = chain.substring(at + CRITIQUE_REQUEST.length(), critiqueAt);
                critique = fromAfterColon(chain.substring(critiqueAt + CRITIQUE.length(), requestAt), "critique");
                at = requestAt;
            } else if (!chain.startsWith(REVISION_REQUEST, at)) {
                throw new IllegalArgumentException(
                        "unexpected text where round " + (rounds.size() + 1) + " should start");
            }
            int revisionAt = required(chain, REVISION, at, "round " + (rounds.size() + 1));
            int next = indexOfRound(chain, revisionAt);
            int end = next < 0 ? chain.length() : next;
            String revisionRequest = chain.substring(at + REVISION_REQUEST.length(), revisionAt);
            String revision = fromAfterColon(chain.substring(revisionAt + REVISION.length(), end), "revision");
            rounds.add(new CritiqueRevisionRound(critiqueRequest, critique, revisionRequest, revision));
            at = end;
        }
        return new CritiqueRevisionExample(conversation, rounds, marker);
    }

    /** The inverse of {@link PromptFormats#afterColon}: drops the one space, keeps a leading line break. */
    static String fromAfterColon(String text, String what) {
        if (text.startsWith("\n")) {
            return text;
        }
        if (text.startsWith(" ") && !text.startsWith(" \n")) {
            return text.substring(1);
        }
        throw new IllegalArgumentException("the " + what + " must follow its colon after one space or a line break");
    }

    private record Options(String head, String a, String b) {}

    /** Splits {@code head + "\n (A) [[[" + a + "]]]\n (B) [[[" + b + "]]]"}. */
    private static Options options(String text) {
        int a = text.indexOf(OPTION_A);
        int b = a < 0 ? -1 : text.indexOf(OPTION_B, a);
        if (a < 0 || b < 0 || !text.endsWith(OPTIONS_END)) {
            throw new IllegalArgumentException("options must read \"" + escape(OPTION_A) + "...]]]\\n (B) [[[...]]]\"");
        }
        return new Options(
                text.substring(0, a),
                text.substring(a + OPTION_A.length(), b),
                text.substring(b + OPTION_B.length(), text.length() - OPTIONS_END.length()));
    }

    private record Slot(String conversationText, @Nullable String instruction) {

        Conversation conversation() {
            return Conversation.parse(conversationText);
        }
    }

    /**
     * Splits {@code conversation + "\n\n" + slot}, where the slot is a framed instruction
     * {@code "\n" + instruction + " Options:"} or the placeholder {@code "{}"}. The framed slot is found by
     * the last triple line break, which is right however many line breaks end the conversation, because
     * an instruction never starts with one.
     */
    private static Slot slot(String head) {
        if (head.endsWith("\n\n" + PLACEHOLDER)) {
            return new Slot(head.substring(0, head.length() - 2 - PLACEHOLDER.length()), null);
        }
        int split = head.lastIndexOf("\n\n\n");
        if (split < 0 || !head.endsWith(OPTIONS)) {
            throw new IllegalArgumentException(
                    "the principle must follow the conversation as \"\\n\\n\\n...Options:\"");
        }
        return new Slot(head.substring(0, split), head.substring(split + 3, head.length() - OPTIONS.length()));
    }

    private static String between(String text, String prefix, String suffix, String what) {
        if (!text.startsWith(prefix) || !text.endsWith(suffix) || text.length() < prefix.length() + suffix.length()) {
            throw new IllegalArgumentException(
                    what + " must start with \"" + escape(prefix) + "\" and end with \"" + escape(suffix) + "\"");
        }
        return text.substring(prefix.length(), text.length() - suffix.length());
    }

    private static int indexOfRound(String chain, int from) {
        int critique = chain.indexOf(CRITIQUE_REQUEST, from);
        int revision = chain.indexOf(REVISION_REQUEST, from);
        return critique < 0 ? revision : revision < 0 ? critique : Math.min(critique, revision);
    }

    private static int required(String text, String marker, int from, String where) {
        int at = text.indexOf(marker, from);
        if (at < 0) {
            throw new IllegalArgumentException(where + " lacks \"" + escape(marker) + "\"");
        }
        return at;
    }
}
