package org.cailab.evaluation;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a model answered one evaluation item.
 *
 * @param index             the item's position in the file's items (from 0, blank lines not counted)
 * @param probabilities     per option, its probability normalised over the item's options (file order: corrects,
 *                          then incorrects)
 * @param logProbs          per option, the raw log-probability of its tokens after the prompt
 * @param correct           whether the most probable right option is strictly more probable than every wrong one
 * @param confidence        the largest probability (the reliability diagram's x)
 * @param separatelyEncoded the options that had to be encoded on their own (see {@link OptionTokens})
 * @param reasonings        chain of thought: the sampled reasonings; empty otherwise
 */
public record ItemResult(
        int index,
        Map<String, Double> probabilities,
        Map<String, Double> logProbs,
        boolean correct,
        double confidence,
        List<String> separatelyEncoded,
        List<String> reasonings) {

    public ItemResult {
        probabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
        logProbs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(logProbs));
        separatelyEncoded = List.copyOf(separatelyEncoded);
        reasonings = List.copyOf(reasonings);
    }

    /** The most probable option (the first in file order on a tie). */
    public @Nullable String predicted() {
        return probabilities.entrySet().stream()
                .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                .map(Map.Entry::getKey)
                .orElse(null);
    }
}
