package org.cailab.training;

import java.util.List;
import org.cailab.slcai.SlCaiService;
import org.cailab.slcai.SlTrainingExample;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The SL-CAI examples an SL finetuning run trains on, as transcript prompt and completion texts: the paper's SL-CAI-n
 * set of {@link SlCaiService#trainingExamples} (every revision up to round n of each chain plus the helpfulness
 * samples; samples cut at the token limit left out unless asked for).
 */
@Component
class SlTrainingData {

    /** A training text pair: the conversation ending in {@code "\n\nAssistant:"}, and the response after it. */
    record PromptCompletion(String prompt, String completion) {}

    /** Looked up when used: the SL-CAI services use the run engine, which is created with the training stages. */
    private final ObjectProvider<SlCaiService> slCai;

    SlTrainingData(ObjectProvider<SlCaiService> slCai) {
        this.slCai = slCai;
    }

    List<PromptCompletion> examples(List<Long> runIds, int round, boolean includeTruncated) {
        List<SlTrainingExample> examples = slCai.getObject().trainingExamples(runIds, round, includeTruncated);
        return examples.stream()
                .map(e -> new PromptCompletion(e.prompt(), e.completion()))
                .toList();
    }
}
