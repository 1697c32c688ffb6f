package org.cailab.evaluation;

import java.util.Collections;
import java.util.List;
import org.cailab.constitution.PromptFormats;
import org.cailab.model.ModelService;
import org.cailab.model.SamplingSettings;
import org.cailab.model.ScoredContinuation;

/**
 * {@link OptionScorer} through {@link ModelService}, for evaluation runs in the app (any backend). The service
 * encodes the prompt and each option apart, not as one string by the {@link OptionTokens} convention, so every
 * score is marked {@link OptionScore#separatelyEncoded()} and the item's output says so. For the paper's {@code "
 * (A)"} / {@code " (B)"} options after byte-level BPE prompts both encodings give the same ids (see {@code
 * OptionTokensTest}); the offline {@code eval} command uses the joint encoding.
 */
final class ModelServiceOptionScorer implements OptionScorer {

    private final ModelService models;
    private final long snapshotId;

    ModelServiceOptionScorer(ModelService models, long snapshotId) {
        this.models = models;
        this.snapshotId = snapshotId;
    }

    @Override
    public List<OptionScore> score(String prompt, List<String> options) {
        // one call: the options share the prompt's computation
        List<ScoredContinuation> scores =
                models.score(snapshotId, Collections.nCopies(options.size(), prompt), options);
        return java.util.stream.IntStream.range(0, options.size())
                .mapToObj(i -> new OptionScore(
                        options.get(i),
                        scores.get(i).logProb(),
                        scores.get(i).tokenLogProbs().size(),
                        true))
                .toList();
    }

    @Override
    public String generate(String prompt, double temperature, int maxTokens, long seed) {
        return models.generateAll(
                        snapshotId,
                        List.of(prompt),
                        new SamplingSettings(temperature, 1.0, 0, maxTokens, List.of(PromptFormats.HUMAN_MARKER), seed))
                .getFirst()
                .text();
    }
}
