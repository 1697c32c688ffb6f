package org.cailab.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArenaBattleReaderTest {

    private static List<Battle> read(String text) throws IOException {
        List<Battle> battles = new ArrayList<>();
        ArenaBattleReader.read(new BufferedReader(new StringReader(text)), battles::add);
        return battles;
    }

    @Test
    void readsAllWinnerKindsAndSkipsBlankLines() throws IOException {
        String text = """
                \uFEFF{"model_a": "claude", "model_b": "gpt", "winner": "model_a", "turn": 1}

                {"model_a": "claude", "model_b": "gpt", "winner": "model_b"}
                {"winner": "tie", "model_b": "llama", "model_a": "gpt", "extra": {"nested": [1, 2]}}
                {"model_a": "llama", "model_b": "claude", "winner": "tie (bothbad)"}
                """;
        assertThat(read(text))
                .containsExactly(
                        new Battle("claude", "gpt", Outcome.A_WINS),
                        new Battle("claude", "gpt", Outcome.B_WINS),
                        new Battle("gpt", "llama", Outcome.TIE),
                        new Battle("llama", "claude", Outcome.BOTH_BAD));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_a\"  | not valid JSON",
                "[1, 2]                                                       | expected a JSON object, found ARRAY",
                "{\"model_b\": \"y\", \"winner\": \"model_a\"}                  | missing \"model_a\"",
                "{\"model_a\": \"x\", \"model_b\": null, \"winner\": \"tie\"}    | missing \"model_b\"",
                "{\"model_a\": \"x\", \"model_b\": \"y\"}                       | missing \"winner\"",
                "{\"model_a\": 7, \"model_b\": \"y\", \"winner\": \"tie\"}       | \"model_a\" must be a string, found NUMBER",
                "{\"model_a\": \" \", \"model_b\": \"y\", \"winner\": \"tie\"}   | \"model_a\" is empty",
                "{\"model_a\": \"x\", \"model_b\": \"x\", \"winner\": \"tie\"}   | model_a and model_b are both \"x\"",
                "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"draw\"}  | unknown winner \"draw\"; expected one of",
                "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"tie\"} {} | not valid JSON",
            })
    void malformedLinesAreReportedWithTheirLineNumber(String line, String problem) {
        String text = "{\"model_a\": \"p\", \"model_b\": \"q\", \"winner\": \"tie\"}\n\n" + line.strip() + "\n";
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(BattleFormatException.class)
                .hasMessageStartingWith("line 3: " + problem)
                .satisfies(e ->
                        assertThat(((BattleFormatException) e).lineNumber()).isEqualTo(3));
    }

    @Test
    void battlesAreHandedOnAsTheyAreRead() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append("{\"model_a\":\"a\",\"model_b\":\"b\",\"winner\":\"model_a\"}\n");
        }
        BattleTally tally = new BattleTally();
        long read = ArenaBattleReader.read(new BufferedReader(new StringReader(text.toString())), tally);
        assertThat(read).isEqualTo(1000);
        assertThat(tally.toCounts().winMatrix()[0][1]).isEqualTo(1000.0);
    }
}
