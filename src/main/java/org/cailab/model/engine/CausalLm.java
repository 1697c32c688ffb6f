package org.cailab.model.engine;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A causal language model ready to use: network and tokenizer of one Hugging Face directory. Generation and
 * scoring may be called from several threads (each call is one batch); for many small concurrent requests put a
 * {@link DynamicBatcher} in front. Closing it frees the model and the tokenizer.
 */
public final class CausalLm implements AutoCloseable {

    /** Rows per scoring forward pass when none is given. */
    public static final int DEFAULT_SCORING_BATCH = 8;

    private final LlamaModel model;
    private final @Nullable TextTokenizer tokenizer;
    private final Generator generator;
    private final Scorer scorer;

    private CausalLm(LlamaModel model, @Nullable TextTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.generator = new Generator(model, tokenizer);
        this.scorer = new Scorer(model);
    }

    /** Loads a model directory onto the CPU. */
    public static CausalLm load(Path modelDir) {
        return load(modelDir, Device.cpu());
    }

    /** Loads a model directory; {@code tokenizer.json} is optional (without it only token ids work). */
    public static CausalLm load(Path modelDir, Device device) {
        TextTokenizer tokenizer =
                Files.isRegularFile(modelDir.resolve("tokenizer.json")) ? TextTokenizer.load(modelDir) : null;
        try {
            return new CausalLm(LlamaModel.load(modelDir, device), tokenizer);
        } catch (RuntimeException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            throw e;
        }
    }

    /** Wraps a model and a tokenizer (or null), taking ownership of both. */
    public static CausalLm of(LlamaModel model, @Nullable TextTokenizer tokenizer) {
        return new CausalLm(model, tokenizer);
    }

    public LlamaModel model() {
        return model;
    }

    /** The tokenizer; fails when the model directory had none. */
    public TextTokenizer tokenizer() {
        if (tokenizer == null) {
            throw new IllegalStateException("this model has no tokenizer.json");
        }
        return tokenizer;
    }

    Generator generator() {
        return generator;
    }

    public boolean hasTokenizer() {
        return tokenizer != null;
    }

    /** Continues one prompt. */
    public Generation generate(String prompt, GenerationOptions options) {
        return generate(List.of(GenerationRequest.of(prompt, options))).getFirst();
    }

    /** Continues several prompts as one left-padded batch; each row keeps its own options, seed and listener. */
    public List<Generation> generate(List<GenerationRequest> requests) {
        return generator.generate(requests);
    }

    /** Scores continuations after prompts (see {@link ScoringRequest} for how the texts are tokenized). */
    public List<ContinuationScore> score(List<ScoringRequest> requests) {
        List<long[]> prompts = new ArrayList<>();
        List<long[]> continuations = new ArrayList<>();
        for (ScoringRequest r : requests) {
            prompts.add(PromptIds.encode(r.prompt(), tokenizer, true));
            continuations.add(PromptIds.encode(r.continuation(), tokenizer, false));
        }
        return scoreIds(prompts, continuations, DEFAULT_SCORING_BATCH);
    }

    /** Scores continuation ids after prompt ids, {@code maxBatchSize} rows per forward pass. */
    public List<ContinuationScore> scoreIds(List<long[]> prompts, List<long[]> continuations, int maxBatchSize) {
        if (prompts.size() != continuations.size()) {
            throw new IllegalArgumentException(
                    prompts.size() + " prompts but " + continuations.size() + " continuations");
        }
        return scorer.score(prompts, continuations, maxBatchSize);
    }

    @Override
    public void close() {
        try {
            model.close();
        } finally {
            if (tokenizer != null) {
                tokenizer.close();
            }
        }
    }
}
