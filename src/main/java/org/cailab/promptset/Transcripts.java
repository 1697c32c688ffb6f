package org.cailab.promptset;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads hh-rlhf transcripts ({@code "\n\nHuman: ...\n\nAssistant: ..."}) and cuts them into prompts. Public so that
 * other importers of hh-rlhf files (preference pairs) read transcripts exactly as prompt sets do.
 */
public final class Transcripts {

    // hh-rlhf separates turns by a blank line; a few turns have no space after the colon
    private static final Pattern MARKER = Pattern.compile("(?:\\A|\\n\\n)(Human|Assistant):[ \\t]?");

    private Transcripts() {}

    /** The turns of a transcript; fails with a short reason when it is not one. */
    public static List<Turn> parse(String transcript) {
        Matcher m = MARKER.matcher(transcript);
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
        return turns;
    }

    /**
     * The prompts a conversation yields: its first human turn, or every prefix that ends in a (non-empty) human
     * turn. An empty human turn asks nothing, so it yields no prompt.
     */
    static List<List<Turn>> prompts(List<Turn> turns, PromptExtraction extraction) {
        List<List<Turn>> prompts = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            if (turn.speaker() == Turn.Speaker.HUMAN && !turn.text().isBlank()) {
                prompts.add(List.copyOf(turns.subList(0, i + 1)));
            }
            if (extraction == PromptExtraction.FIRST_HUMAN_TURN && turn.speaker() == Turn.Speaker.HUMAN) {
                break;
            }
        }
        return prompts;
    }
}
