package org.cailab.dialogue;

import java.util.ArrayList;
import java.util.List;

/**
 * One finished turn of a live conversation (comparisons, red teaming): what the worker wrote and the answer they kept.
 * The static methods give finished exchanges in the kernel's terms, every turn cleaned of turn markers where it is
 * rendered.
 */
public record Exchange(String humanMessage, String answer) {

    /** The finished exchanges as a conversation, turns as stored (not yet cleaned). */
    public static Conversation conversation(List<Exchange> exchanges) {
        List<Turn> turns = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            turns.add(Turn.human(exchange.humanMessage()));
            turns.add(Turn.assistant(exchange.answer()));
        }
        return new Conversation(turns);
    }

    /** The prompt for the next answer: the finished exchanges, then the new message, ending in "Assistant:". */
    public static String prompt(List<Exchange> exchanges, String humanMessage) {
        return conversation(exchanges)
                .with(Turn.Speaker.HUMAN, humanMessage)
                .withoutTurnMarkers()
                .prompt();
    }

    /** The finished exchanges as one transcript (the shape of the public red-team attempts file). */
    public static String transcript(List<Exchange> exchanges) {
        return conversation(exchanges).withoutTurnMarkers().render();
    }
}
