package org.cailab.model.engine;

/**
 * One training sequence and which of its tokens count in the loss.
 *
 * @param tokens the token ids
 * @param lossMask {@code lossMask[i]}: token {@code i} is a target, predicted from the tokens before it (entry 0 is
 *     ignored: nothing predicts the first token)
 */
public record TrainingExample(long[] tokens, boolean[] lossMask) {

    public TrainingExample {
        if (tokens.length != lossMask.length || tokens.length < 2) {
            throw new IllegalArgumentException("need at least 2 tokens and one mask entry per token");
        }
    }

    /** Every token after the first is a target (language modelling). */
    public static TrainingExample allTokens(long[] tokens) {
        boolean[] mask = new boolean[tokens.length];
        java.util.Arrays.fill(mask, 1, tokens.length, true);
        return new TrainingExample(tokens, mask);
    }

    /** Prompt and completion: only the completion's tokens are targets (supervised fine-tuning). */
    public static TrainingExample promptCompletion(long[] prompt, long[] completion) {
        long[] tokens = new long[prompt.length + completion.length];
        System.arraycopy(prompt, 0, tokens, 0, prompt.length);
        System.arraycopy(completion, 0, tokens, prompt.length, completion.length);
        boolean[] mask = new boolean[tokens.length];
        java.util.Arrays.fill(mask, Math.max(1, prompt.length), tokens.length, true);
        return new TrainingExample(tokens, mask);
    }

    /**
     * This example cut to at most {@code maxLength} tokens (the end is dropped), or null when no target token is
     * left (a prompt as long as the limit).
     */
    public @org.jspecify.annotations.Nullable TrainingExample truncated(int maxLength) {
        if (tokens.length <= maxLength) {
            return this;
        }
        if (maxLength < 2) {
            return null;
        }
        TrainingExample cut = new TrainingExample(
                java.util.Arrays.copyOf(tokens, maxLength), java.util.Arrays.copyOf(lossMask, maxLength));
        return cut.targetCount() == 0 ? null : cut;
    }

    /** How many tokens count in the loss. */
    public int targetCount() {
        int n = 0;
        for (int i = 1; i < lossMask.length; i++) {
            n += lossMask[i] ? 1 : 0;
        }
        return n;
    }
}
