package org.cailab.promptset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lines of UTF-8 text, decoded one at a time so that a decoding error is reported for the line it is on (a
 * {@code BufferedReader} decodes ahead and would blame an earlier line). Accepts {@code \n} and {@code \r\n}.
 * Public for other importers of line-based files; errors are {@link PromptImportException}s naming the line.
 */
public final class Utf8Lines {

    private final InputStream input;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final int maxLineBytes;
    private int number;

    /** @param maxLineBytes the longest line accepted; a longer one fails at once, before it is held in memory */
    Utf8Lines(InputStream bufferedInput, int maxLineBytes) {
        this.input = bufferedInput;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The lines of a plain or gzip-compressed stream (gzip is recognised by its magic bytes), with the import limits
     * of prompt sets: at most {@link PromptParser#MAX_DATA_BYTES} decompressed and {@link PromptParser#MAX_RECORD_BYTES}
     * a line, failing early with "too large" beyond them.
     */
    public static Utf8Lines open(InputStream input) throws IOException {
        return new Utf8Lines(
                new org.cailab.base.SizeLimitedInputStream(
                        decompressed(input), PromptParser.MAX_DATA_BYTES, "The file (after decompression)"),
                PromptParser.MAX_RECORD_BYTES);
    }

    static InputStream decompressed(InputStream input) throws IOException {
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(input, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        return first == 0x1f && second == 0x8b ? new java.util.zip.GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    /** The next line without its line break, or null at the end. */
    public @org.jspecify.annotations.Nullable String next() {
        line.reset();
        int b;
        boolean any = false;
        try {
            while ((b = input.read()) != -1) {
                any = true;
                if (b == '\n') {
                    break;
                }
                if (line.size() >= maxLineBytes) {
                    throw new PromptImportException(
                            number + 1,
                            "the line is too large: more than "
                                    + org.cailab.base.SizeLimitedInputStream.describe(maxLineBytes)
                                    + " (one prompt per line).");
                }
                line.write(b);
            }
        } catch (IOException e) {
            throw new PromptImportException(number + 1, "the file could not be read further: " + e.getMessage(), e);
        }
        if (!any) {
            return null;
        }
        number++;
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            String text =
                    decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
            return number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new PromptImportException(number, "not valid UTF-8 text", e);
        }
    }

    /** The number of the line last returned, from 1. */
    public int number() {
        return number;
    }
}
