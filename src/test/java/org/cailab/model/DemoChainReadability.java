package org.cailab.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measurable readability of SL-CAI chains written by the demo models (shared by {@code DemoSlCaiRunIT} and {@code
 * DemoDirectionBenchmark}): a critique in the expected format (ended by itself at a stop, not at the token limit,
 * without turn or section markers of its own), a non-empty revision without invented turns, and how much of the text
 * is made of words the demo corpus uses (a model that babbles writes broken words like "declinutes").
 */
public final class DemoChainReadability {

    private static final Pattern WORD = Pattern.compile("[a-z]+");
    /** Markers a critique or revision must not write itself: turns and the chain's own section headers. */
    private static final List<String> MARKERS =
            List.of("Human:", "Assistant:", "CritiqueRequest:", "RevisionRequest:", "Critique:", "Revision:");

    private static Set<String> vocabulary;

    /** One stored round, as plain text (the SL-CAI types stay in their module). */
    public record Round(String critique, boolean critiqueTruncated, String revision) {}

    /**
     * Counts over the rounds of one or more runs.
     *
     * @param rounds             rounds looked at
     * @param critiquesFormatted critique non-empty, not cut at the token limit, no markers of its own
     * @param revisionsReadable  revision non-empty, no markers of its own, at least 90% of its words corpus words
     * @param revisionsDecline   revision declines in the corpus's words
     * @param corpusWordShare    share of all critique and revision words that the corpus uses
     */
    public record Result(
            int rounds, int critiquesFormatted, int revisionsReadable, int revisionsDecline, double corpusWordShare) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%d rounds: critique in format %d, revision readable (non-empty, no invented turns, >= 90%% corpus"
                            + " words) %d, revision declines %d; corpus words %.1f%% of all words",
                    rounds,
                    critiquesFormatted,
                    revisionsReadable,
                    revisionsDecline,
                    100 * corpusWordShare);
        }
    }

    private DemoChainReadability() {}

    /** Measures the rounds. */
    public static Result of(List<Round> rounds) {
        int formatted = 0;
        int readable = 0;
        int declines = 0;
        int words = 0;
        int known = 0;
        for (Round round : rounds) {
            String critique = round.critique().strip();
            if (!critique.isEmpty() && !round.critiqueTruncated() && !hasMarker(critique)) {
                formatted++;
            }
            String revision = round.revision().strip();
            List<String> revisionWords = words(revision);
            long revisionKnown =
                    revisionWords.stream().filter(corpusWords()::contains).count();
            if (!revision.isEmpty() && !hasMarker(revision) && revisionKnown >= 0.9 * revisionWords.size()) {
                readable++;
            }
            declines += DemoAttempts.isDecline(revision) ? 1 : 0;
            List<String> all = new ArrayList<>(words(critique));
            all.addAll(revisionWords);
            words += all.size();
            known += (int) all.stream().filter(corpusWords()::contains).count();
        }
        return new Result(rounds.size(), formatted, readable, declines, words == 0 ? 0 : (double) known / words);
    }

    /** Whether the text writes a turn or section marker itself. */
    public static boolean hasMarker(String text) {
        return MARKERS.stream().anyMatch(text::contains);
    }

    /** The lower-case words of the demo corpus (documents and the few-shot contexts they are trained after). */
    public static synchronized Set<String> corpusWords() {
        if (vocabulary == null) {
            Set<String> out = new HashSet<>();
            for (DemoCorpus.Document d : DemoCorpus.documents(DemoModelTrainer.CORPUS_SIZE, DemoModels.SEED)) {
                out.addAll(words(d.context()));
                out.addAll(words(d.text()));
            }
            vocabulary = Set.copyOf(out);
        }
        return vocabulary;
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
