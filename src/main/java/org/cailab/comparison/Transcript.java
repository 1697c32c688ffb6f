package org.cailab.comparison;

import org.cailab.model.SamplingSettings;

import java.util.List;

/**
 * The paper's dialogue format and the text hygiene of live conversations, shared by comparisons and red teaming:
 * every model sees the conversation so far as {@code "\n\nHuman: ...\n\nAssistant: ..."}.
 */
public final class Transcript {

    public static final String HUMAN = "\n\nHuman: ";
    public static final String ASSISTANT = "\n\nAssistant:";

    private Transcript() {
    }

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

    /** The prompt for the next answer: the finished exchanges, then the new message, ending in "Assistant:". */
    public static String prompt(List<Exchange> exchanges, String humanMessage) {
        return transcript(exchanges) + HUMAN + humanMessage + ASSISTANT;
    }

    /** The finished exchanges as one transcript (the shape of the public red-team attempts file). */
    public static String transcript(List<Exchange> exchanges) {
        StringBuilder text = new StringBuilder();
        for (Exchange exchange : exchanges) {
            text.append(HUMAN).append(exchange.humanMessage()).append(ASSISTANT).append(' ').append(exchange.answer());
        }
        return text.toString();
    }

    /**
     * The answer a worker sees: nothing from the first turn marker on (a next human or assistant turn the model began;
     * the sampling stops there, and a backend that ignores stop sequences is cut here), printable, no surrounding
     * space.
     */
    public static String answer(String generated) {
        int end = generated.length();
        for (String marker : SamplingSettings.TURN_STOPS) {
            int at = generated.indexOf(marker);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return printable(generated.substring(0, end)).strip();
    }
}
