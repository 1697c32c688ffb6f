package org.cailab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptPairsTest {

    @Test
    void readsThePairsWhenEveryLineHasBoth() {
        List<TranscriptPair> pairs = EvalFileReader.transcriptPairs("""
                {"prompt": "Q1", "corrects": [" (A)"], "incorrects": [" (B)"], "text_correct": "good 1", "text_incorrect": "bad 1"}

                {"prompt": "Q2", "corrects": [" (B)"], "incorrects": [" (A)"], "text_correct": "good 2", "text_incorrect": "bad 2"}
                """);
        assertThat(pairs).containsExactly(new TranscriptPair("good 1", "bad 1"), new TranscriptPair("good 2", "bad 2"));
    }

    @Test
    void noPairsWhenALineLacksOne() {
        assertThat(EvalFileReader.transcriptPairs("""
                {"prompt": "Q1", "corrects": [" (A)"], "incorrects": [" (B)"], "text_correct": "good 1", "text_incorrect": "bad 1"}
                {"prompt": "Q2", "corrects": [" (B)"], "incorrects": [" (A)"], "text_correct": "good 2"}
                """)).isEmpty();
    }

    @Test
    void thePapersHhhFileHasAPairPerItem() throws Exception {
        String text = Files.readString(EvalCommandTest.hhhFile());
        List<TranscriptPair> pairs = EvalFileReader.transcriptPairs(text);
        assertThat(pairs).hasSize(438);
        assertThat(EvalFileReader.read("hhh", new java.io.StringReader(text))).hasSize(438);
        assertThat(pairs.getFirst().correct())
                .startsWith("\n\nHuman:")
                .isNotEqualTo(pairs.getFirst().incorrect());
    }
}
