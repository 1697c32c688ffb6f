package org.cailab.model.openai;

import java.util.ArrayList;
import java.util.List;
import org.cailab.model.ScoredContinuation;
import org.jspecify.annotations.Nullable;

/**
 * Sums a continuation's token log-probabilities from what a server returned for the whole text (prompt followed by
 * continuation), by character offsets. Offsets count Unicode code points, as OpenAI's {@code text_offset} does
 * (Python string indices). A token that starts inside the prompt and ends inside the continuation (e.g. a prompt
 * ending in a space and a continuation starting with a word) is counted and the result says it straddles.
 */
public final class PromptTokens {

    /** One token of the echoed text: where it starts and its log-probability (null for the first token). */
    public record Token(int start, @Nullable Double logprob) {}

    private PromptTokens() {}

    /**
     * @param tokens   the tokens of the echoed text in order (tokens past {@code end}, such as a sampled one, are
     *                 ignored)
     * @param boundary where the continuation starts (code points)
     * @param end      where the continuation ends (code points)
     */
    public static ScoredContinuation continuation(List<Token> tokens, int boundary, int end) {
        if (boundary == end) {
            return new ScoredContinuation(0, List.of(), false);
        }
        int first = -1;
        boolean straddles = false;
        for (int i = 0; i < tokens.size(); i++) {
            int start = tokens.get(i).start();
            int next = i + 1 < tokens.size() ? tokens.get(i + 1).start() : Integer.MAX_VALUE;
            if (start >= boundary) {
                first = i;
                break;
            }
            if (next > boundary) {
                first = i;
                straddles = true;
                break;
            }
        }
        if (first < 0 || tokens.get(first).start() >= end) {
            throw new IllegalStateException(
                    "the server returned no token for the continuation (offsets " + boundary + "-" + end + ")");
        }
        List<Double> values = new ArrayList<>();
        double sum = 0;
        for (int i = first; i < tokens.size() && tokens.get(i).start() < end; i++) {
            Double logprob = tokens.get(i).logprob();
            if (logprob == null) {
                throw new IllegalStateException("the server gave no log-probability for the token at offset "
                        + tokens.get(i).start() + " (the first token of a text has none: give a non-empty prompt)");
            }
            values.add(logprob);
            sum += logprob;
        }
        return new ScoredContinuation(sum, values, straddles);
    }

    /**
     * Tokens from the texts of the tokens (vLLM's {@code prompt_logprobs} gives each token's decoded text but no
     * offsets): offsets are counted back from the end of the text, so that a first token without text (a BOS) or
     * with text we were not told does not shift the rest.
     *
     * @param texts    each token's text; the first may be null
     * @param logprobs each token's log-probability; the first is usually null
     * @param length   the text's length in code points
     */
    public static List<Token> fromTexts(List<@Nullable String> texts, List<@Nullable Double> logprobs, int length) {
        int[] starts = new int[texts.size()];
        int position = length;
        for (int i = texts.size() - 1; i >= 1; i--) {
            String text = texts.get(i);
            position -= text == null ? 0 : text.codePointCount(0, text.length());
            if (position < 0) {
                throw new IllegalStateException(
                        "the tokens' texts are longer than the prompt: cannot map them to offsets");
            }
            starts[i] = position;
        }
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            tokens.add(new Token(i == 0 ? 0 : starts[i], logprobs.get(i)));
        }
        return tokens;
    }
}
