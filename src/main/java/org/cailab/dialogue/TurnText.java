package org.cailab.dialogue;

import java.util.regex.Pattern;

/**
 * Text hygiene for whatever enters a transcript: worker messages, model output, uploaded file names and task texts.
 * The turn-marker rules are the hardening issue's (docs/decisions/0140-security-hardening.md): worker messages with
 * a line starting {@code Human:}/{@code Assistant:} are refused, and every turn's text loses the blank lines in
 * front of such a line when a transcript or prompt is written, so model output cannot forge turns either.
 */
public final class TurnText {

    /** A line that starts like a turn ("Human:" or "Assistant:", maybe indented), as transcript readers split them. */
    private static final Pattern TURN_LINE = Pattern.compile("\\n[ \\t]*(Human|Assistant)[ \\t]*:");
    /** Blank lines before such a line: what makes it a new turn in the paper's format. */
    private static final Pattern BLANK_BEFORE_TURN =
            Pattern.compile("\\n[ \\t]*\\n(\\s*\\n)*(?=[ \\t]*(Human|Assistant)[ \\t]*:)");

    private TurnText() {}

    /**
     * The text without control characters other than line breaks and tabs, and without lone surrogates: a small
     * model can emit any byte, and PostgreSQL text cannot hold NUL.
     */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .filter(c -> Character.getType(c) != Character.SURROGATE)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * Refuses a worker's message that would start a turn of its own: a line beginning with "Human:" or "Assistant:"
     * after a line break. Called where worker text enters (comparison and red-team messages).
     *
     * @throws IllegalArgumentException with a message for the worker
     */
    public static void checkNoTurnMarkers(String workerText) {
        if (TURN_LINE.matcher(workerText).find()) {
            throw new IllegalArgumentException("A line of your message cannot start with \"Human:\" or \"Assistant:\" "
                    + "(that is how the conversation marks whose turn it is). Please rephrase that line.");
        }
    }

    /**
     * The text with the blank lines removed in front of any line that starts like a turn, so that it stays inside
     * its own turn whoever wrote it (a model can write "\n\nAssistant:" too). Every turn's text of a live
     * conversation goes through this when a transcript or prompt is built ({@link Conversation#withoutTurnMarkers()}).
     */
    public static String withoutTurnMarkers(String text) {
        return BLANK_BEFORE_TURN.matcher(text).replaceAll("\n");
    }

    /**
     * The answer a worker sees: nothing from the first turn marker on (a next human or assistant turn the model began;
     * the sampling stops there, and a backend that ignores stop sequences is cut here), printable, no surrounding
     * space.
     */
    public static String answer(String generated) {
        int end = generated.length();
        for (String marker : Conversation.TURN_MARKERS) {
            int at = generated.indexOf(marker);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return withoutTurnMarkers(printable(generated.substring(0, end))).strip();
    }
}
