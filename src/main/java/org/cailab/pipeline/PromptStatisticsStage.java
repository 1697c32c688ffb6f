package org.cailab.pipeline;

import java.util.List;
import org.cailab.dialogue.Turn;
import org.cailab.promptset.Prompt;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetService;
import org.springframework.stereotype.Component;

/**
 * Built-in run type: measures every prompt of a set (turns, characters, bytes, words, word pieces, whether it
 * asks a question, a fingerprint for near-duplicates). Useful on its own to compare prompt sets, and the run type
 * the engine is tested and demonstrated with until the model stages exist.
 */
@Component
class PromptStatisticsStage implements RunStage {

    static final String TYPE = "prompt-statistics";

    /** The input of one item: the prompt, copied into the run. */
    record PromptItem(long promptId, int position, List<Turn> turns) {}

    private final PromptSetService promptSets;

    PromptStatisticsStage(PromptSetService promptSets) {
        this.promptSets = promptSets;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label() {
        return "Prompt statistics";
    }

    @Override
    public String description() {
        return "Measures every prompt of a set: turns, characters, UTF-8 bytes, words, word pieces, questions.";
    }

    @Override
    public List<RunInput> inputs() {
        return List.of(RunInput.PROMPT_SET);
    }

    @Override
    public RunPlan plan(RunConfig config) {
        PromptSet set = promptSets
                .find(config.promptSet().value())
                .orElseThrow(() -> new RunException("There is no prompt set " + config.promptSet() + "."));
        PromptSelection selection = PromptSelection.of(config);
        List<ItemInput> items = selection.apply(promptSets.allPrompts(set.id()), config.seed()).stream()
                .map(p -> ItemInput.of(key(p), new PromptItem(p.id(), p.position(), p.turns())))
                .toList();
        return new RunPlan(selection.writeTo(config).withParameter("promptSetName", set.name()), items);
    }

    @Override
    public ItemResult process(RunContext context, ItemInput item) {
        PromptItem prompt = item.as(PromptItem.class);
        return ItemResult.of(PromptStatistics.of(prompt.turns()));
    }

    private static String key(Prompt prompt) {
        return "prompt-%06d".formatted(prompt.position());
    }
}
