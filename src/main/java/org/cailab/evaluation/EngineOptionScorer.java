package org.cailab.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.cailab.constitution.PromptFormats;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.ContinuationScore;
import org.cailab.model.engine.GenerationOptions;

/**
 * {@link OptionScorer} on a loaded engine model, tokenising by the {@link OptionTokens} convention; all options of
 * an item go through the model in one batched call.
 */
public final class EngineOptionScorer implements OptionScorer {

    private final CausalLm lm;

    public EngineOptionScorer(CausalLm lm) {
        this.lm = lm;
    }

    @Override
    public List<OptionScore> score(String prompt, List<String> options) {
        List<OptionTokens> tokens = options.stream()
                .map(o -> OptionTokens.of(lm.tokenizer(), prompt, o))
                .toList();
        List<ContinuationScore> scores = lm.scoreIds(
                tokens.stream().map(OptionTokens::promptIds).toList(),
                tokens.stream().map(OptionTokens::optionIds).toList(),
                CausalLm.DEFAULT_SCORING_BATCH);
        List<OptionScore> out = new ArrayList<>(options.size());
        for (int i = 0; i < options.size(); i++) {
            out.add(new OptionScore(
                    options.get(i),
                    scores.get(i).logProb(),
                    tokens.get(i).optionIds().length,
                    tokens.get(i).separatelyEncoded()));
        }
        return out;
    }

    @Override
    public String generate(String prompt, double temperature, int maxTokens, long seed) {
        return lm.generate(
                        prompt,
                        GenerationOptions.builder()
                                .optTemperature(temperature)
                                .optMaxNewTokens(maxTokens)
                                .optStopSequences(List.of(PromptFormats.HUMAN_MARKER, PromptFormats.ASSISTANT_MARKER))
                                .optSeed(seed)
                                .build())
                .text();
    }
}
