package org.cailab.comparison;

import java.util.List;

/** The paper's dialogue format: every model sees the conversation so far as "\n\nHuman: ...\n\nAssistant: ...". */
final class Transcript {

    static final String HUMAN = "\n\nHuman: ";
    static final String ASSISTANT = "\n\nAssistant:";

    private Transcript() {
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
