package org.cailab.training;

import org.cailab.model.engine.HumanAssistantFormat;
import org.cailab.slcai.ChatMessage;
import org.cailab.slcai.SlCaiExportService;
import org.cailab.slcai.SlExample;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The SL-CAI examples an SL finetuning run trains on, as transcript prompt and completion texts. Today it reads the
 * export of one round per chain ({@link SlCaiExportService#examples}); the SL-CAI "fidelity" work adds the paper's
 * set (every revision up to round n plus the helpfulness samples, truncated samples left out) as
 * {@code SlCaiService.trainingExamples(runIds, round, includeTruncated)}, which replaces the body of
 * {@link #examples} when it is merged.
 */
@Component
class SlTrainingData {

    /** A training text pair: the conversation ending in {@code "\n\nAssistant:"}, and the response after it. */
    record PromptCompletion(String prompt, String completion) {
    }

    /** Looked up when used: the SL-CAI services use the run engine, which is created with the training stages. */
    private final ObjectProvider<SlCaiExportService> export;

    SlTrainingData(ObjectProvider<SlCaiExportService> export) {
        this.export = export;
    }

    List<PromptCompletion> examples(List<Long> runIds, int round, boolean includeTruncated) {
        List<PromptCompletion> out = new ArrayList<>();
        for (long runId : runIds) {
            for (SlExample e : export.getObject().examples(runId, round)) {
                List<HumanAssistantFormat.Turn> turns = e.conversation().stream()
                        .map(m -> new HumanAssistantFormat.Turn(ChatMessage.USER.equals(m.role()), m.content()))
                        .toList();
                out.add(new PromptCompletion(HumanAssistantFormat.prompt(turns), " " + e.completion().strip()));
            }
        }
        return out;
    }
}
