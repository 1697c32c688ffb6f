package org.cailab.constitution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.cailab.constitution.WordDiff.Op;
import org.cailab.constitution.WordDiff.Segment;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void equalTextsAreOneEqualSegment() {
        assertThat(WordDiff.diff("be kind", "be kind")).containsExactly(new Segment(Op.EQUAL, "be kind"));
    }

    @Test
    void aChangedWordIsDeletedAndInsertedWithTheRestKept() {
        List<Segment> diff = WordDiff.diff("Point out every harmful claim.", "Point out every dangerous claim.");

        assertThat(diff)
                .containsExactly(
                        new Segment(Op.EQUAL, "Point out every "),
                        new Segment(Op.DELETE, "harmful"),
                        new Segment(Op.INSERT, "dangerous"),
                        new Segment(Op.EQUAL, " claim."));
    }

    @Test
    void addedAndRemovedWords() {
        assertThat(WordDiff.diff("a b c", "a c d"))
                .containsExactly(
                        new Segment(Op.EQUAL, "a "),
                        new Segment(Op.DELETE, "b "),
                        new Segment(Op.EQUAL, "c"),
                        new Segment(Op.INSERT, " d"));
        assertThat(WordDiff.diff("", "new text")).containsExactly(new Segment(Op.INSERT, "new text"));
        assertThat(WordDiff.diff("old text", "")).containsExactly(new Segment(Op.DELETE, "old text"));
        assertThat(WordDiff.diff("", "")).isEmpty();
    }

    @Test
    void aRewrittenPhraseIsOneDeletionAndOneInsertion() {
        // the hand-written token LCS kept the lone spaces between rewritten words (the, a, " ", cat, dog, " ", ...);
        // words are now matched with their trailing space, so nothing of a rewrite is shown as kept
        assertThat(WordDiff.diff("the cat sat", "a dog ran"))
                .containsExactly(new Segment(Op.DELETE, "the cat sat"), new Segment(Op.INSERT, "a dog ran"));
        assertThat(WordDiff.diff("be kind", "be  kind"))
                .containsExactly(
                        new Segment(Op.EQUAL, "be"),
                        new Segment(Op.DELETE, " "),
                        new Segment(Op.INSERT, "  "),
                        new Segment(Op.EQUAL, "kind"));
    }

    @Test
    void bothSidesAreRebuiltExactlyForRandomTexts() {
        Random random = new Random(7);
        String[] words = {"the", "assistant", "harm", "kind", "  ", "\n", "reply", "."};
        for (int run = 0; run < 200; run++) {
            String a = randomText(random, words);
            String b = randomText(random, words);
            List<Segment> diff = WordDiff.diff(a, b);
            assertThat(WordDiff.side(diff, Op.DELETE)).isEqualTo(a);
            assertThat(WordDiff.side(diff, Op.INSERT)).isEqualTo(b);
            for (int i = 1; i < diff.size(); i++) {
                assertThat(diff.get(i).op()).isNotEqualTo(diff.get(i - 1).op());
            }
        }
    }

    @Test
    void hugeTextsFallBackToWholeReplacement() {
        String a = "a ".repeat(3000);
        String b = "b ".repeat(3000);
        assertThat(WordDiff.diff(a, b)).containsExactly(new Segment(Op.DELETE, a), new Segment(Op.INSERT, b));
    }

    private static String randomText(Random random, String[] words) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            out.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
        }
        return out.toString();
    }
}
