package org.cailab.model.engine;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Batched sampling with a KV cache: left-padded prefill, then one token per row per step; finished rows leave. */
final class Generator {

    private final LlamaModel model;
    private final @Nullable TextTokenizer tokenizer;

    Generator(LlamaModel model, @Nullable TextTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /** A row for a request: its prompt encoded, checked and cut to the model's context. */
    GenerationRow row(GenerationRequest request) {
        LlamaConfig config = model.config();
        PromptIds.Fitted prompt = PromptIds.fit(
                PromptIds.of(request, tokenizer, config),
                config,
                request.options().maxNewTokens());
        return new GenerationRow(request, prompt.ids(), prompt.dropped(), tokenizer, config.eosTokenIds());
    }

    List<Generation> generate(List<GenerationRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<GenerationRow> rows = new ArrayList<>();
        for (GenerationRequest request : requests) {
            rows.add(row(request));
        }
        List<GenerationRow> active = rows.stream().filter(r -> !r.finished()).toList();
        if (!active.isEmpty()) {
            try (RunningBatch batch = new RunningBatch(model, active.size())) {
                batch.join(active);
                while (batch.size() > 0) {
                    batch.step();
                }
            }
        }
        return rows.stream().map(r -> r.result(requests.size())).toList();
    }
}
