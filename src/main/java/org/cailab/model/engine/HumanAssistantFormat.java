package org.cailab.model.engine;

import java.util.List;

/**
 * The paper's dialogue transcript: {@code "\n\nHuman: ...\n\nAssistant: ..."}, a prompt ending in
 * {@code "\n\nAssistant:"} for the model to continue, with {@link GenerationOptions#HUMAN_TURN} and
 * {@link GenerationOptions#ASSISTANT_TURN} as the stop sequences.
 */
public final class HumanAssistantFormat {

    /** One turn: {@code human} true for the Human, false for the Assistant. */
    public record Turn(boolean human, String text) {

        public static Turn human(String text) {
            return new Turn(true, text);
        }

        public static Turn assistant(String text) {
            return new Turn(false, text);
        }
    }

    private HumanAssistantFormat() {}

    /** A prompt asking the Assistant to answer one Human message. */
    public static String prompt(String humanMessage) {
        return prompt(List.of(Turn.human(humanMessage)));
    }

    /** The transcript of the turns, followed by {@code "\n\nAssistant:"} for the next reply. */
    public static String prompt(List<Turn> turns) {
        return transcript(turns) + "\n\nAssistant:";
    }

    /** The transcript of the turns alone. */
    public static String transcript(List<Turn> turns) {
        StringBuilder sb = new StringBuilder();
        for (Turn turn : turns) {
            sb.append(turn.human() ? "\n\nHuman: " : "\n\nAssistant: ")
                    .append(turn.text().strip());
        }
        return sb.toString();
    }
}
