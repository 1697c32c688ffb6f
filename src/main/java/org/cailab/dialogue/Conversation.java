package org.cailab.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dialogue between a human and an assistant, rendered in the paper's transcript format
 * {@code "\n\nHuman: ...\n\nAssistant: ..."}.
 *
 * <p>Rendering writes each turn's text as it is; {@link #stripped()} and {@link #withoutTurnMarkers()} give the
 * cleaned conversation where a caller wants that (prompts built from a single message strip it; live
 * conversations with workers remove turn markers from every turn).
 *
 * @param turns the turns in order; may be empty
 */
public record Conversation(List<Turn> turns) {

    /** Where a human turn starts; a stop sequence for every sample. */
    public static final String HUMAN_MARKER = "\n\nHuman:";
    /** Where an assistant turn starts; a prompt ends with it so that the model answers. */
    public static final String ASSISTANT_MARKER = "\n\nAssistant:";
    /** The markers that start a turn: the stop sequences of a reply. */
    public static final List<String> TURN_MARKERS = List.of(HUMAN_MARKER, ASSISTANT_MARKER);

    private static final Pattern TRANSCRIPT = turnPattern("Human", "Assistant");
    // hh-rlhf separates turns by a blank line; a few turns have no space after the colon
    private static final Pattern LENIENT = Pattern.compile("(?:\\A|\\n\\n)(Human|Assistant):[ \\t]?");

    public Conversation {
        turns = List.copyOf(turns);
    }

    /** A conversation of alternating turns, starting with the human. */
    public static Conversation of(String... alternatingTexts) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < alternatingTexts.length; i++) {
            turns.add(i % 2 == 0 ? Turn.human(alternatingTexts[i]) : Turn.assistant(alternatingTexts[i]));
        }
        return new Conversation(turns);
    }

    /**
     * The prompt asking the Assistant to answer one human message: {@code "\n\nHuman: " + message.strip() +
     * "\n\nAssistant:"}.
     */
    public static String singleTurnPrompt(String humanMessage) {
        return of(humanMessage).stripped().prompt();
    }

    // --- parsing ---

    /**
     * Parses a transcript in the paper's format. Turns are split at every {@code "\n\nHuman: "} and
     * {@code "\n\nAssistant: "} (with the space), so {@code parse(s).render()} equals {@code s} for every
     * accepted {@code s}.
     *
     * @throws IllegalArgumentException when the text is not empty and does not start with a turn marker
     */
    public static Conversation parse(String transcript) {
        return parse(transcript, TRANSCRIPT);
    }

    /** {@link #parse(String)} with other speaker labels, as the chain-of-thought format uses ({@code H}, {@code A}). */
    public static Conversation parse(String transcript, String humanLabel, String assistantLabel) {
        return parse(transcript, turnPattern(humanLabel, assistantLabel));
    }

    /**
     * Reads a transcript as hh-rlhf files write them: turns start at the beginning or after a blank line, the space
     * after the colon may be missing or a tab, texts are stripped, and the first turn must be the human's.
     *
     * @throws IllegalArgumentException with a short reason when the text is not such a transcript
     */
    public static Conversation parseLenient(String transcript) {
        Matcher m = LENIENT.matcher(transcript);
        List<Turn> turns = new ArrayList<>();
        Turn.Speaker speaker = null;
        int textStart = 0;
        while (m.find()) {
            if (speaker == null) {
                if (!transcript.substring(0, m.start()).isBlank()) {
                    throw new IllegalArgumentException("text before the first \"Human:\" turn");
                }
            } else {
                turns.add(new Turn(
                        speaker, transcript.substring(textStart, m.start()).strip()));
            }
            speaker = m.group(1).equals("Human") ? Turn.Speaker.HUMAN : Turn.Speaker.ASSISTANT;
            textStart = m.end();
        }
        if (speaker == null) {
            throw new IllegalArgumentException("no \"Human:\" turn");
        }
        turns.add(new Turn(speaker, transcript.substring(textStart).strip()));
        if (turns.getFirst().speaker() != Turn.Speaker.HUMAN) {
            throw new IllegalArgumentException("the conversation does not start with a \"Human:\" turn");
        }
        return new Conversation(turns);
    }

    /**
     * Parses a conversation as people type it ({@link #renderTyped()}): Windows line breaks are accepted, blank
     * text is the empty conversation.
     *
     * @throws IllegalArgumentException with a message for the person typing
     */
    public static Conversation parseTyped(String text) {
        String normalized = text.replace("\r\n", "\n");
        if (normalized.isBlank()) {
            return new Conversation(List.of());
        }
        if (!normalized.startsWith("Human: ") && !normalized.startsWith("Assistant: ")) {
            throw new IllegalArgumentException(
                    "must start with \"Human: \" or \"Assistant: \"; separate turns by a blank line");
        }
        return parse("\n\n" + normalized);
    }

    // --- rendering ---

    /** Renders the transcript: {@code "\n\nHuman: " + text} and {@code "\n\nAssistant: " + text} per turn. */
    public String render() {
        return render("Human", "Assistant");
    }

    /** Renders with other speaker labels, as the chain-of-thought format does ({@code H:} and {@code A:}). */
    public String render(String humanLabel, String assistantLabel) {
        StringBuilder out = new StringBuilder();
        for (Turn turn : turns) {
            out.append("\n\n")
                    .append(turn.speaker() == Turn.Speaker.HUMAN ? humanLabel : assistantLabel)
                    .append(": ")
                    .append(turn.text());
        }
        return out.toString();
    }

    /** The transcript followed by {@code "\n\nAssistant:"}: the prompt for the next reply. */
    public String prompt() {
        return render() + ASSISTANT_MARKER;
    }

    /**
     * The conversation as people type it: {@code "Human: ...\n\nAssistant: ..."}, the transcript without the two
     * leading line breaks; the inverse of {@link #parseTyped(String)}.
     */
    public String renderTyped() {
        String rendered = render();
        return rendered.isEmpty() ? "" : rendered.substring(2);
    }

    // --- changing ---

    /** This conversation with one more turn at the end. */
    public Conversation with(Turn.Speaker speaker, String text) {
        List<Turn> more = new ArrayList<>(turns);
        more.add(new Turn(speaker, text));
        return new Conversation(more);
    }

    /** Every turn's text without leading and trailing whitespace. */
    public Conversation stripped() {
        return mapTexts(String::strip);
    }

    /** Every turn's text through {@link TurnText#withoutTurnMarkers(String)}, so no text can start a turn. */
    public Conversation withoutTurnMarkers() {
        return mapTexts(TurnText::withoutTurnMarkers);
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

    private Conversation mapTexts(UnaryOperator<String> change) {
        return new Conversation(
                turns.stream().map(t -> t.withText(change.apply(t.text()))).toList());
    }

    private static Conversation parse(String transcript, Pattern markers) {
        List<Turn> turns = new ArrayList<>();
        Matcher matcher = markers.matcher(transcript);
        if (!transcript.isEmpty() && !(matcher.find() && matcher.start() == 0)) {
            throw new IllegalArgumentException(
                    "a conversation must start with \"\\n\\nHuman: \" or \"\\n\\nAssistant: \"");
        }
        matcher.reset();
        Turn.Speaker speaker = null;
        int textStart = 0;
        while (matcher.find()) {
            if (speaker != null) {
                turns.add(new Turn(speaker, transcript.substring(textStart, matcher.start())));
            }
            speaker = matcher.group(1) != null ? Turn.Speaker.HUMAN : Turn.Speaker.ASSISTANT;
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
