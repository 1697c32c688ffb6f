package org.cailab.constitution;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A word-level diff of two texts, for highlighting what an edit changed. Texts are split into words and the
 * whitespace between them; the longest common subsequence of those tokens is kept, the rest is deleted or
 * inserted. Concatenating the {@link Op#EQUAL} and {@link Op#DELETE} segments gives the old text back, the
 * {@code EQUAL} and {@link Op#INSERT} segments the new one.
 */
public final class WordDiff {

    /** What happened to a segment. */
    public enum Op {
        EQUAL,
        DELETE,
        INSERT
    }

    /** A run of text that is unchanged, only in the old text, or only in the new one. */
    public record Segment(Op op, String text) {}

    /** Token pairs beyond which the quadratic table is not worth it: the texts are shown as replaced whole. */
    private static final long MAX_CELLS = 4_000_000;

    private static final Pattern TOKEN_BOUNDARY = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");

    private WordDiff() {}

    /** The segments that turn {@code oldText} into {@code newText}, adjacent segments of one kind merged. */
    public static List<Segment> diff(String oldText, String newText) {
        List<String> a = tokens(oldText);
        List<String> b = tokens(newText);
        List<Segment> out = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            add(out, Op.DELETE, oldText);
            add(out, Op.INSERT, newText);
            return out;
        }
        // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..]
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                add(out, Op.EQUAL, a.get(i++));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                add(out, Op.DELETE, a.get(i++));
            } else {
                add(out, Op.INSERT, b.get(j++));
            }
        }
        while (i < a.size()) {
            add(out, Op.DELETE, a.get(i++));
        }
        while (j < b.size()) {
            add(out, Op.INSERT, b.get(j++));
        }
        return out;
    }

    /** The text of one side: the old text for {@code DELETE}, the new one for {@code INSERT}. */
    public static String side(List<Segment> segments, Op side) {
        StringBuilder out = new StringBuilder();
        segments.stream().filter(s -> s.op() == Op.EQUAL || s.op() == side).forEach(s -> out.append(s.text()));
        return out.toString();
    }

    static List<String> tokens(String text) {
        return text.isEmpty() ? List.of() : List.of(TOKEN_BOUNDARY.split(text));
    }

    private static void add(List<Segment> out, Op op, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && out.getLast().op() == op) {
            out.set(out.size() - 1, new Segment(op, out.getLast().text() + text));
        } else {
            out.add(new Segment(op, text));
        }
    }
}
