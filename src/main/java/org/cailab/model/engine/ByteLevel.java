package org.cailab.model.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GPT-2's byte-level alphabet and pre-tokenizer, as Hugging Face's {@code ByteLevel} pre-tokenizer applies them. */
final class ByteLevel {

    /** GPT-2's split: contractions, letters, digits, other symbols, each with an optional leading space; spaces. */
    static final Pattern SPLIT =
            Pattern.compile("'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");

    private static final char[] BYTE_TO_CHAR = new char[256];

    static {
        // printable bytes stand for themselves; the rest map to 256 + n in byte order (bytes_to_unicode)
        int n = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            BYTE_TO_CHAR[b] = printable ? (char) b : (char) (256 + n++);
        }
    }

    private ByteLevel() {}

    /** The character that stands for a byte. */
    static char charOf(int unsignedByte) {
        return BYTE_TO_CHAR[unsignedByte];
    }

    /** Splits text as the pre-tokenizer does and maps each piece's UTF-8 bytes to alphabet characters. */
    static List<String> pretokenize(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher m = SPLIT.matcher(text);
        while (m.find()) {
            byte[] bytes = m.group().getBytes(StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder(bytes.length);
            for (byte b : bytes) {
                sb.append(BYTE_TO_CHAR[b & 0xff]);
            }
            pieces.add(sb.toString());
        }
        return pieces;
    }
}
