package org.cailab.constitution;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dialogue between a human and an assistant, rendered in the paper's transcript format
 * {@code "\n\nHuman: ...\n\nAssistant: ..."}.
 *
 * @param turns the turns in order; may be empty
 */
public record Conversation(List<Turn> turns) {

    /** Who speaks a turn. */
    public enum Speaker {
        HUMAN,
        ASSISTANT
    }

    /**
     * One turn of a conversation.
     *
     * @param speaker who speaks
     * @param text what is said, exactly as it follows {@code "Human: "} or {@code "Assistant: "} (leading
     *             and trailing whitespace is kept, so that transcripts render back byte for byte)
     */
    public record Turn(Speaker speaker, String text) {

        public Turn {
            Objects.requireNonNull(speaker, "speaker");
            Objects.requireNonNull(text, "text");
        }
    }

    private static final Pattern TRANSCRIPT = turnPattern("Human", "Assistant");

    public Conversation {
        turns = List.copyOf(turns);
    }

    /** A conversation of alternating turns, starting with the human. */
    public static Conversation of(String... alternatingTexts) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < alternatingTexts.length; i++) {
            turns.add(new Turn(i % 2 == 0 ? Speaker.HUMAN : Speaker.ASSISTANT, alternatingTexts[i]));
        }
        return new Conversation(turns);
    }

    /**
     * Parses a transcript in the paper's format. Turns are split at every {@code "\n\nHuman: "} and
     * {@code "\n\nAssistant: "} (with the space), so {@code render(parse(s))} equals {@code s} for every
     * accepted {@code s}.
     *
     * @throws IllegalArgumentException when the text is not empty and does not start with a turn marker
     */
    public static Conversation parse(String transcript) {
        return parse(transcript, TRANSCRIPT);
    }

    /** This conversation with one more turn at the end. */
    public Conversation with(Speaker speaker, String text) {
        List<Turn> more = new ArrayList<>(turns);
        more.add(new Turn(speaker, text));
        return new Conversation(more);
    }

    /** Renders the transcript: {@code "\n\nHuman: " + text} and {@code "\n\nAssistant: " + text} per turn. */
    public String render() {
        return render("Human", "Assistant");
    }

    /**
     * The last turn.
     *
     * @throws IllegalStateException when the conversation is empty
     */
    public Turn lastTurn() {
        if (turns.isEmpty()) {
            throw new IllegalStateException("the conversation is empty");
        }
        return turns.getLast();
    }

    public boolean isEmpty() {
        return turns.isEmpty();
    }

    /** Renders with other speaker labels, as the chain-of-thought format does ({@code H:} and {@code A:}). */
    String render(String humanLabel, String assistantLabel) {
        StringBuilder out = new StringBuilder();
        for (Turn turn : turns) {
            out.append("\n\n")
                    .append(turn.speaker() == Speaker.HUMAN ? humanLabel : assistantLabel)
                    .append(": ")
                    .append(turn.text());
        }
        return out.toString();
    }

    static Conversation parse(String transcript, String humanLabel, String assistantLabel) {
        return parse(transcript, turnPattern(humanLabel, assistantLabel));
    }

    private static Conversation parse(String transcript, Pattern markers) {
        List<Turn> turns = new ArrayList<>();
        Matcher matcher = markers.matcher(transcript);
        if (!transcript.isEmpty() && !(matcher.find() && matcher.start() == 0)) {
            throw new IllegalArgumentException(
                    "a conversation must start with \"\\n\\nHuman: \" or \"\\n\\nAssistant: \"");
        }
        matcher.reset();
        Speaker speaker = null;
        int textStart = 0;
        while (matcher.find()) {
            if (speaker != null) {
                turns.add(new Turn(speaker, transcript.substring(textStart, matcher.start())));
            }
            speaker = matcher.group(1) != null ? Speaker.HUMAN : Speaker.ASSISTANT;
            textStart = matcher.end();
        }
        if (speaker != null) {
            turns.add(new Turn(speaker, transcript.substring(textStart)));
        }
        return new Conversation(turns);
    }

    private static Pattern turnPattern(String humanLabel, String assistantLabel) {
        return Pattern.compile("\n\n(?:(" + Pattern.quote(humanLabel) + ")|" + Pattern.quote(assistantLabel) + "): ");
    }
}
