package org.cailab.redteam;

import org.cailab.comparison.Exchange;
import org.cailab.model.SamplingSettings;

import java.util.List;

/** Text handling of red-team conversations in the paper's "\n\nHuman: ...\n\nAssistant: ..." format. */
final class Texts {

    static final String HUMAN = "\n\nHuman: ";
    static final String ASSISTANT = "\n\nAssistant:";

    private Texts() {
    }

    /**
     * The text without control characters other than line breaks and tabs, and without lone surrogates: a small
     * model can emit any byte, and PostgreSQL text cannot hold NUL.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .filter(c -> Character.getType(c) != Character.SURROGATE)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The prompt for the next answer: the finished exchanges, then the new message, ending in "Assistant:". */
    static String prompt(List<Exchange> exchanges, String humanMessage) {
        return transcript(exchanges) + HUMAN + humanMessage + ASSISTANT;
    }

    /** The whole conversation, as the public red-team attempts file stores it. */
    static String transcript(List<Exchange> exchanges) {
        StringBuilder text = new StringBuilder();
        for (Exchange exchange : exchanges) {
            text.append(HUMAN).append(exchange.humanMessage()).append(ASSISTANT).append(' ').append(exchange.answer());
        }
        return text.toString();
    }

    /** The answer a worker sees: nothing after a next human turn the model began, printable, no surrounding space. */
    static String answer(String generated) {
        int humanTurn = generated.indexOf(SamplingSettings.HUMAN_TURN_STOP.getFirst());
        String answer = humanTurn >= 0 ? generated.substring(0, humanTurn) : generated;
        return printable(answer).strip();
    }

    /** Text from a file for a PostgreSQL text column, which cannot hold NUL. */
    static String storable(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }
}
