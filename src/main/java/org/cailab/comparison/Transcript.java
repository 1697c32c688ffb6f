package org.cailab.comparison;

import java.util.List;

/** The paper's dialogue format: every model sees the conversation so far as "\n\nHuman: ...\n\nAssistant: ...". */
final class Transcript {

    static final String HUMAN = "\n\nHuman: ";
    static final String ASSISTANT = "\n\nAssistant:";

    private Transcript() {
    }

    /** The text without control characters other than line breaks and tabs. */
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
        StringBuilder prompt = new StringBuilder();
        for (Exchange exchange : exchanges) {
            prompt.append(HUMAN).append(exchange.humanMessage()).append(ASSISTANT).append(' ').append(exchange.answer());
        }
        return prompt.append(HUMAN).append(humanMessage).append(ASSISTANT).toString();
    }
}
