package org.cailab.model.engine;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Hugging Face {@code tokenizer.json} loaded through DJL with truncation and padding off (DJL's default silently
 * truncates to 512 tokens). Thread-safe. Close it to free the native tokenizer.
 */
public final class TextTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    private TextTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Loads {@code tokenizer.json} from a model directory. */
    public static TextTokenizer load(Path modelDir) {
        Path file = modelDir.resolve("tokenizer.json");
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(modelDir + ": missing tokenizer.json");
        }
        try {
            return new TextTokenizer(HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file)
                    .optTruncation(false)
                    .optPadding(false)
                    .optMaxLength(1 << 30)
                    .optAddSpecialTokens(false)
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ModelFormatException(file + ": cannot load tokenizer: " + e.getMessage(), e);
        }
    }

    /** Token ids of a text; {@code addSpecialTokens} applies the tokenizer's post-processor (e.g. Llama's BOS). */
    public long[] encode(String text, boolean addSpecialTokens) {
        return tokenizer.encode(text, addSpecialTokens, false).getIds();
    }

    /** Token ids of a text without special tokens. */
    public long[] encode(String text) {
        return encode(text, false);
    }

    /**
     * The text of token ids, special tokens left out, NUL characters dropped ({@link ModelText#withoutNul}): a
     * byte-level model can sample the byte 0.
     */
    public String decode(long[] ids) {
        return ModelText.withoutNul(tokenizer.decode(ids, true));
    }

    /** The text of token ids, special tokens kept; NUL characters dropped as in {@link #decode}. */
    public String decodeAll(long[] ids) {
        return ModelText.withoutNul(tokenizer.decode(ids, false));
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
