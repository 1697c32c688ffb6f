package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming decodes the growing token list and sends the settled part: with a byte-level tokenizer that splits
 * multi-byte characters over several tokens, no streamed delta may contain a replacement character, and the deltas
 * concatenate to the final text.
 */
class StreamedTextTest {

    @Test
    void deltasNeverCarryHalfCharacters(@TempDir Path dir) throws Exception {
        TinyLmFixture.create(dir, TestModels.llamaGqa(), 3);
        String text = "Grüße aus Köln 👍🏽 — 東京 ok";
        try (TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            long[] ids = tokenizer.encode(text, false);
            assertThat(tokenizer.decode(ids)).isEqualTo(text);
            boolean splitSeen = false;
            StringBuilder streamed = new StringBuilder();
            List<String> stops = List.of("\n\nHuman:");
            for (int n = 1; n <= ids.length; n++) {
                String full = tokenizer.decode(Arrays.copyOf(ids, n));
                splitSeen |= full.indexOf('\uFFFD') >= 0;
                int settled = GenerationRow.settled(full, stops);
                if (settled > streamed.length()) {
                    String delta = full.substring(streamed.length(), settled);
                    assertThat(delta).doesNotContain("\uFFFD");
                    streamed.append(delta);
                }
                assertThat(text).startsWith(streamed.toString());
            }
            assertThat(splitSeen)
                    .as("the tokenizer splits some character over tokens (else the test proves nothing)")
                    .isTrue();
            assertThat(streamed.toString()).isEqualTo(text);
        }
    }

    @Test
    void aSampledNulByteIsDroppedSoTheTextCanBeStored(@TempDir Path dir) throws Exception {
        TinyLmFixture.create(dir, TestModels.llamaGqa(), 3);
        try (TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            long[] ids = tokenizer.encode("step \u0000 by step", false);
            assertThat(ids).isNotEmpty();
            assertThat(tokenizer.decode(ids)).isEqualTo("step  by step").doesNotContain("\u0000");
            assertThat(tokenizer.decodeAll(ids)).doesNotContain("\u0000");
        }
    }
}
