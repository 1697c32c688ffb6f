package org.cailab.promptset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Gzip bombs and endless lines fail early with "too large", having read only a little of the file. */
class ImportLimitsTest {

    /** 256 MiB of one letter without a line break: about 250 KB of gzip. */
    static byte[] gzipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] letters = new byte[1 << 20];
        Arrays.fill(letters, (byte) 'a');
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 256; i++) {
                gzip.write(letters);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void aGzipBombImportedAsPlainTextFailsAsTooLargeAfterReadingLittleOfIt() throws IOException {
        byte[] bomb = gzipBomb();
        Counting in = new Counting(new ByteArrayInputStream(bomb));
        assertThatThrownBy(() -> PromptParser.parse(in, PromptFormat.PLAIN_TEXT, PromptExtraction.FIRST_HUMAN_TURN))
                .isInstanceOf(PromptImportException.class)
                .hasMessageContaining("too large")
                .hasMessageContaining("Line 1");
        // a 4 MB line is refused after about 4 MB of text: a few KB of this gzip (plus read-ahead buffers), so the
        // parser stops long before the end of the file's 256 MB
        assertThat(in.read).isLessThan(bomb.length);
    }

    @Test
    void aGzipBombImportedAsJsonLinesFailsTheSameWay() throws IOException {
        assertThatThrownBy(() -> PromptParser.parse(
                        new ByteArrayInputStream(gzipBomb()),
                        PromptFormat.HH_RLHF_JSONL,
                        PromptExtraction.FIRST_HUMAN_TURN))
                .isInstanceOf(PromptImportException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void moreDataThanTheLimitFailsAsTooLargeEvenInShortLines() {
        InputStream endless = new InputStream() {
            private long n;

            @Override
            public int read() {
                return n++ % 64 == 63 ? '\n' : 'x';
            }
        };
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> PromptParser.parse(
                new org.cailab.base.SizeLimitedInputStream(endless, 8 << 20, "The test input"),
                PromptFormat.PLAIN_TEXT,
                PromptExtraction.FIRST_HUMAN_TURN));
        assertThat(failure).isInstanceOf(PromptImportException.class).hasMessageContaining("too large");
    }

    private static final class Counting extends FilterInputStream {
        long read;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            read += Math.max(0, n);
            return n;
        }
    }
}
