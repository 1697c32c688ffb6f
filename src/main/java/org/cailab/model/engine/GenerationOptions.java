package org.cailab.model.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How to sample a continuation.
 *
 * @param maxNewTokens the most tokens to generate
 * @param temperature logits are divided by it; 0 means greedy (argmax)
 * @param topP nucleus sampling: keep the most likely tokens until their probability reaches it (1 = off)
 * @param topK keep only the k most likely tokens (0 = off); applied before top-p, as Hugging Face does
 * @param stopSequences texts that end the generation (not included in the result)
 * @param seed makes sampling reproducible; null draws a random seed
 * @param stopAtEos whether the model's end-of-sequence tokens end the generation
 */
public record GenerationOptions(
        int maxNewTokens,
        double temperature,
        double topP,
        int topK,
        List<String> stopSequences,
        @Nullable Long seed,
        boolean stopAtEos) {

    /** The paper's dialogue format: a new Human turn ends the Assistant's reply. */
    public static final String HUMAN_TURN = "\n\nHuman:";
    /** A made-up next Assistant turn ends the reply too: a generated turn never holds a turn marker. */
    public static final String ASSISTANT_TURN = "\n\nAssistant:";

    public GenerationOptions {
        stopSequences = List.copyOf(stopSequences);
        if (maxNewTokens < 0 || temperature < 0 || topP <= 0 || topP > 1 || topK < 0) {
            throw new IllegalArgumentException("invalid generation options: " + maxNewTokens + " tokens, temperature "
                    + temperature + ", top-p " + topP + ", top-k " + topK);
        }
        if (stopSequences.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("empty stop sequence");
        }
    }

    /**
     * 128 tokens, temperature 1, no top-p/top-k, stop at {@link #HUMAN_TURN}, {@link #ASSISTANT_TURN} and at end of
     * sequence.
     */
    public static GenerationOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy with another seed. */
    public GenerationOptions withSeed(@Nullable Long newSeed) {
        return new GenerationOptions(maxNewTokens, temperature, topP, topK, stopSequences, newSeed, stopAtEos);
    }

    /** Builds options; every setting is optional. */
    public static final class Builder {
        private int maxNewTokens = 128;
        private double temperature = 1.0;
        private double topP = 1.0;
        private int topK;
        private List<String> stopSequences = List.of(HUMAN_TURN, ASSISTANT_TURN);
        private @Nullable Long seed;
        private boolean stopAtEos = true;

        private Builder() {}

        public Builder optMaxNewTokens(int maxNewTokens) {
            this.maxNewTokens = maxNewTokens;
            return this;
        }

        public Builder optTemperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder optTopP(double topP) {
            this.topP = topP;
            return this;
        }

        public Builder optTopK(int topK) {
            this.topK = topK;
            return this;
        }

        public Builder optStopSequences(List<String> stopSequences) {
            this.stopSequences = stopSequences;
            return this;
        }

        public Builder optSeed(@Nullable Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optStopAtEos(boolean stopAtEos) {
            this.stopAtEos = stopAtEos;
            return this;
        }

        public GenerationOptions build() {
            return new GenerationOptions(maxNewTokens, temperature, topP, topK, stopSequences, seed, stopAtEos);
        }
    }
}
