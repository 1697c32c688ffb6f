package org.cailab.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frozen copies of the five codings of the Human/Assistant format that the kernel replaced (as of main b41990b), kept
 * as the oracle of {@link DialogueKernelEquivalenceTest}: stored data and golden tests depend on their bytes. Each
 * copy keeps the old code's logic to the letter; only types are reduced to what the comparison needs (a speaker is
 * {@code boolean human}). Do not "fix" them.
 */
final class LegacyDialogue {

    private LegacyDialogue() {}

    /** One turn in the legacy copies: {@code human} true for the Human. */
    record T(boolean human, String text) {}

    /** {@code model.engine.HumanAssistantFormat}. */
    static final class HumanAssistantFormat {
        static String prompt(String humanMessage) {
            return prompt(List.of(new T(true, humanMessage)));
        }

        static String prompt(List<T> turns) {
            return transcript(turns) + "\n\nAssistant:";
        }

        static String transcript(List<T> turns) {
            StringBuilder sb = new StringBuilder();
            for (T turn : turns) {
                sb.append(turn.human() ? "\n\nHuman: " : "\n\nAssistant: ")
                        .append(turn.text().strip());
            }
            return sb.toString();
        }
    }

    /** {@code comparison.Transcript} with {@code comparison.Exchange(humanMessage, answer)} as {@code String[2]}. */
    static final class ComparisonTranscript {
        static final String HUMAN = "\n\nHuman: ";
        static final String ASSISTANT = "\n\nAssistant:";
        private static final List<String> TURN_STOPS = List.of("\n\nHuman:", "\n\nAssistant:");
        private static final Pattern TURN_LINE = Pattern.compile("\\n[ \\t]*(Human|Assistant)[ \\t]*:");
        private static final Pattern BLANK_BEFORE_TURN =
                Pattern.compile("\\n[ \\t]*\\n(\\s*\\n)*(?=[ \\t]*(Human|Assistant)[ \\t]*:)");

        static String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints()
                    .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                    .filter(c -> Character.getType(c) != Character.SURROGATE)
                    .forEach(out::appendCodePoint);
            return out.toString();
        }

        static void checkNoTurnMarkers(String workerText) {
            if (TURN_LINE.matcher(workerText).find()) {
                throw new IllegalArgumentException(
                        "A line of your message cannot start with \"Human:\" or \"Assistant:\" "
                                + "(that is how the conversation marks whose turn it is). Please rephrase that line.");
            }
        }

        static String withoutTurnMarkers(String text) {
            return BLANK_BEFORE_TURN.matcher(text).replaceAll("\n");
        }

        static String prompt(List<String[]> exchanges, String humanMessage) {
            return transcript(exchanges) + HUMAN + withoutTurnMarkers(humanMessage) + ASSISTANT;
        }

        static String transcript(List<String[]> exchanges) {
            StringBuilder text = new StringBuilder();
            for (String[] exchange : exchanges) {
                text.append(HUMAN)
                        .append(withoutTurnMarkers(exchange[0]))
                        .append(ASSISTANT)
                        .append(' ')
                        .append(withoutTurnMarkers(exchange[1]));
            }
            return text.toString();
        }

        static String answer(String generated) {
            int end = generated.length();
            for (String marker : TURN_STOPS) {
                int at = generated.indexOf(marker);
                if (at >= 0 && at < end) {
                    end = at;
                }
            }
            return withoutTurnMarkers(printable(generated.substring(0, end))).strip();
        }
    }

    /** {@code constitution.Conversation} (render and parse, with labels). */
    static final class ConstitutionConversation {
        private static final Pattern TRANSCRIPT = turnPattern("Human", "Assistant");

        static List<T> parse(String transcript) {
            return parse(transcript, TRANSCRIPT);
        }

        static String render(List<T> turns) {
            return render(turns, "Human", "Assistant");
        }

        static String render(List<T> turns, String humanLabel, String assistantLabel) {
            StringBuilder out = new StringBuilder();
            for (T turn : turns) {
                out.append("\n\n")
                        .append(turn.human() ? humanLabel : assistantLabel)
                        .append(": ")
                        .append(turn.text());
            }
            return out.toString();
        }

        static List<T> parse(String transcript, String humanLabel, String assistantLabel) {
            return parse(transcript, turnPattern(humanLabel, assistantLabel));
        }

        private static List<T> parse(String transcript, Pattern markers) {
            List<T> turns = new ArrayList<>();
            Matcher matcher = markers.matcher(transcript);
            if (!transcript.isEmpty() && !(matcher.find() && matcher.start() == 0)) {
                throw new IllegalArgumentException(
                        "a conversation must start with \"\\n\\nHuman: \" or \"\\n\\nAssistant: \"");
            }
            matcher.reset();
            Boolean human = null;
            int textStart = 0;
            while (matcher.find()) {
                if (human != null) {
                    turns.add(new T(human, transcript.substring(textStart, matcher.start())));
                }
                human = matcher.group(1) != null;
                textStart = matcher.end();
            }
            if (human != null) {
                turns.add(new T(human, transcript.substring(textStart)));
            }
            return turns;
        }

        private static Pattern turnPattern(String humanLabel, String assistantLabel) {
            return Pattern.compile(
                    "\n\n(?:(" + Pattern.quote(humanLabel) + ")|" + Pattern.quote(assistantLabel) + "): ");
        }
    }

    /** {@code constitution.ui.Transcripts} (conversations as people type them). */
    static final class TypedTranscripts {
        static String toText(List<T> turns) {
            String rendered = ConstitutionConversation.render(turns);
            return rendered.isEmpty() ? "" : rendered.substring(2);
        }

        static List<T> parse(String text) {
            String normalized = text.replace("\r\n", "\n");
            if (normalized.isBlank()) {
                return List.of();
            }
            if (!normalized.startsWith("Human: ") && !normalized.startsWith("Assistant: ")) {
                throw new IllegalArgumentException(
                        "must start with \"Human: \" or \"Assistant: \"; separate turns by a blank line");
            }
            return ConstitutionConversation.parse("\n\n" + normalized);
        }
    }

    /** {@code promptset.Transcripts.parse}, {@code promptset.Prompt#text} and {@code PreferencePairJson.prompt}. */
    static final class HhRlhf {
        private static final Pattern MARKER = Pattern.compile("(?:\\A|\\n\\n)(Human|Assistant):[ \\t]?");

        static List<T> parse(String transcript) {
            Matcher m = MARKER.matcher(transcript);
            List<T> turns = new ArrayList<>();
            Boolean human = null;
            int textStart = 0;
            while (m.find()) {
                if (human == null) {
                    if (!transcript.substring(0, m.start()).isBlank()) {
                        throw new IllegalArgumentException("text before the first \"Human:\" turn");
                    }
                } else {
                    turns.add(new T(
                            human, transcript.substring(textStart, m.start()).strip()));
                }
                human = m.group(1).equals("Human");
                textStart = m.end();
            }
            if (human == null) {
                throw new IllegalArgumentException("no \"Human:\" turn");
            }
            turns.add(new T(human, transcript.substring(textStart).strip()));
            if (!turns.getFirst().human()) {
                throw new IllegalArgumentException("the conversation does not start with a \"Human:\" turn");
            }
            return turns;
        }

        static String promptText(List<T> turns) {
            return String.join(
                    "\n\n",
                    turns.stream()
                            .map(t -> (t.human() ? "Human" : "Assistant") + ": " + t.text())
                            .toList());
        }

        static String pairPrompt(List<T> conversation) {
            StringBuilder text = new StringBuilder();
            for (T turn : conversation) {
                text.append("\n\n")
                        .append(turn.human() ? "Human" : "Assistant")
                        .append(": ")
                        .append(turn.text());
            }
            return text.append("\n\nAssistant:").toString();
        }
    }
}
