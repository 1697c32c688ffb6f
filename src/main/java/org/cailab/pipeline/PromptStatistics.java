package org.cailab.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cailab.dialogue.Turn;
import org.cailab.promptset.Prompt;

/**
 * Size and shape of one prompt, the output of the built-in "prompt statistics" run type.
 *
 * @param wordPieces  runs of letters, runs of digits and single symbols: a tokenizer-free estimate of tokens
 * @param utf8Bytes   the lower bound a byte-level BPE tokenizer starts from
 * @param fingerprint hash of the final human turn, lower-cased with spaces collapsed, to spot near-duplicates
 *                    across sets
 */
record PromptStatistics(
        int turns,
        int humanTurns,
        int characters,
        int utf8Bytes,
        int words,
        int wordPieces,
        int lines,
        int lastHumanCharacters,
        int lastHumanWords,
        boolean question,
        double nonAsciiShare,
        String fingerprint) {

    private static final Pattern WORD_PIECE = Pattern.compile("\\p{L}+|\\p{N}+|[^\\s\\p{L}\\p{N}]");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    static PromptStatistics of(List<Turn> turns) {
        String transcript = Prompt.transcript(turns);
        String last = turns.getLast().text();
        int characters = transcript.codePointCount(0, transcript.length());
        long nonAscii = transcript.codePoints().filter(c -> c > 127).count();
        return new PromptStatistics(
                turns.size(),
                (int) turns.stream()
                        .filter(t -> t.speaker() == Turn.Speaker.HUMAN)
                        .count(),
                characters,
                transcript.getBytes(StandardCharsets.UTF_8).length,
                words(transcript),
                wordPieces(transcript),
                (int) transcript.lines().count(),
                last.codePointCount(0, last.length()),
                words(last),
                last.contains("?"),
                characters == 0 ? 0 : Math.round(1000.0 * nonAscii / characters) / 1000.0,
                fingerprint(last));
    }

    private static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : SPACE.split(stripped).length;
    }

    private static int wordPieces(String text) {
        Matcher m = WORD_PIECE.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    private static String fingerprint(String text) {
        String normalized = SPACE.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
