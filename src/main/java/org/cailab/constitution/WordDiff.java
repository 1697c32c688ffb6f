package org.cailab.constitution;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.collections4.Equator;
import org.apache.commons.collections4.sequence.CommandVisitor;
import org.apache.commons.collections4.sequence.SequencesComparator;

/**
 * A word-level diff of two texts, for highlighting what an edit changed. Texts are split into words, each with the
 * whitespace after it; a longest common subsequence of the words (Myers' algorithm, commons-collections4's {@link
 * SequencesComparator}) is kept, the rest is deleted or inserted, deletions before insertions. Concatenating the
 * {@link Op#EQUAL} and {@link Op#DELETE} segments gives the old text back, the {@code EQUAL} and {@link Op#INSERT}
 * segments the new one.
 *
 * <p>Words are matched together with their trailing whitespace, not as separate tokens: Myers' algorithm would
 * otherwise happily keep a lone space between two changed words ("b c" to "c d" as b→c, " ", c→d) where a reader
 * sees one word going and one coming. A kept word whose whitespace changed keeps the word and replaces the space; a
 * replaced word followed by the same space on both sides keeps that space.
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

    /** Token pairs beyond which a diff is not worth it: the texts are shown as replaced whole. */
    private static final long MAX_CELLS = 4_000_000;

    private static final Pattern TOKEN_BOUNDARY = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");

    /** A word (empty only for whitespace at the very start) and the whitespace that follows it. */
    private static final Pattern WORD = Pattern.compile("(\\S*)(\\s*)");

    private record Word(String word, String space) {}

    private static final Equator<Word> SAME_WORD = new Equator<>() {
        @Override
        public boolean equate(Word a, Word b) {
            return a.word().equals(b.word());
        }

        @Override
        public int hash(Word w) {
            return w.word().hashCode();
        }
    };

    private WordDiff() {}

    /** The segments that turn {@code oldText} into {@code newText}, adjacent segments of one kind merged. */
    public static List<Segment> diff(String oldText, String newText) {
        if ((long) tokens(oldText).size() * tokens(newText).size() > MAX_CELLS) {
            Segments out = new Segments(List.of(), List.of());
            out.add(Op.DELETE, oldText);
            out.add(Op.INSERT, newText);
            return out.done();
        }
        List<Word> a = words(oldText);
        List<Word> b = words(newText);
        Segments out = new Segments(a, b);
        new SequencesComparator<>(a, b, SAME_WORD).getScript().visit(out);
        return out.done();
    }

    /** The text of one side: the old text for {@code DELETE}, the new one for {@code INSERT}. */
    public static String side(List<Segment> segments, Op side) {
        StringBuilder out = new StringBuilder();
        segments.stream().filter(s -> s.op() == Op.EQUAL || s.op() == side).forEach(s -> out.append(s.text()));
        return out.toString();
    }

    /** Words and whitespace runs as separate tokens (what the size limit counts). */
    static List<String> tokens(String text) {
        return text.isEmpty() ? List.of() : List.of(TOKEN_BOUNDARY.split(text));
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find() && !m.group().isEmpty()) {
            words.add(new Word(m.group(1), m.group(2)));
        }
        return words;
    }

    /**
     * Collects the edit script into merged segments. Deletions and insertions between two kept words are held back
     * and written as one deletion, then one insertion.
     */
    private static final class Segments implements CommandVisitor<Word> {

        private final List<Word> oldWords;
        private final List<Word> newWords;
        private final List<Segment> out = new ArrayList<>();
        private final StringBuilder deleted = new StringBuilder();
        private final StringBuilder inserted = new StringBuilder();
        private int oldAt;
        private int newAt;

        Segments(List<Word> oldWords, List<Word> newWords) {
            this.oldWords = oldWords;
            this.newWords = newWords;
        }

        @Override
        public void visitKeepCommand(Word word) {
            String oldSpace = oldWords.get(oldAt++).space();
            String newSpace = newWords.get(newAt++).space();
            flush();
            add(Op.EQUAL, word.word());
            if (oldSpace.equals(newSpace)) {
                add(Op.EQUAL, oldSpace);
            } else {
                deleted.append(oldSpace);
                inserted.append(newSpace);
            }
        }

        @Override
        public void visitDeleteCommand(Word word) {
            oldAt++;
            deleted.append(word.word()).append(word.space());
        }

        @Override
        public void visitInsertCommand(Word word) {
            newAt++;
            inserted.append(word.word()).append(word.space());
        }

        List<Segment> done() {
            flush();
            return out;
        }

        /**
         * Writes the held-back change. When both sides end in the same whitespace run (one word replaced by another
         * before the same space), that run is kept, as a token-level diff would keep it.
         */
        private void flush() {
            String gone = deleted.toString();
            String come = inserted.toString();
            String space = trailingSpace(gone);
            boolean keepSpace = !gone.equals(space) && !come.equals(space) && space.equals(trailingSpace(come));
            if (keepSpace) {
                gone = gone.substring(0, gone.length() - space.length());
                come = come.substring(0, come.length() - space.length());
            }
            add(Op.DELETE, gone);
            add(Op.INSERT, come);
            if (keepSpace) {
                add(Op.EQUAL, space);
            }
            deleted.setLength(0);
            inserted.setLength(0);
        }

        private static String trailingSpace(String text) {
            int end = text.length();
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return text.substring(end);
        }

        void add(Op op, String text) {
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
}
