package org.cailab.comparison;

import java.util.ArrayList;
import java.util.List;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.cailab.dialogue.TurnText;

/**
 * The live conversations of comparisons and red teaming in the dialogue kernel's terms: finished {@link Exchange}s as
 * a {@link Conversation} with every turn cleaned of turn markers. The text hygiene itself lives in {@link TurnText};
 * the one-line delegates below keep the comparison and red-team call sites (campaigns, the worker services'
 * send paths) unchanged while those classes are being restructured (docs/decisions/0152-dialogue-kernel.md); new
 * code calls {@link TurnText} directly.
 */
public final class Transcript {

    private Transcript() {}

    /** {@link TurnText#printable(String)}. */
    public static String printable(String text) {
        return TurnText.printable(text);
    }

    /** {@link TurnText#checkNoTurnMarkers(String)}. */
    public static void checkNoTurnMarkers(String workerText) {
        TurnText.checkNoTurnMarkers(workerText);
    }

    /** {@link TurnText#withoutTurnMarkers(String)}. */
    public static String withoutTurnMarkers(String text) {
        return TurnText.withoutTurnMarkers(text);
    }

    /** {@link TurnText#answer(String)}. */
    public static String answer(String generated) {
        return TurnText.answer(generated);
    }

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
