package org.cailab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.ContinuationScore;
import org.cailab.model.engine.FinishReason;
import org.cailab.model.engine.Generation;
import org.cailab.model.engine.GenerationRequest;
import org.cailab.model.engine.TextTokenizer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Our side of the OpenAI completions API: runs validated requests on the local engine, through the same dynamic
 * batcher as the pages and runs, and computes log-probabilities by teacher-forced scoring. Researchers and admins
 * only (API keys act with their owner's role). Remote snapshots are not served again (no proxying).
 */
@Service
class OpenAiServer {

    /**
     * A request checked against its model: the snapshot is local and loaded (and held loaded until {@link #run}
     * finishes), prompts fit the context.
     */
    record Prepared(
            ModelSnapshot snapshot,
            LoadedModels.Loaded model,
            OpenAiCompletionRequest request,
            List<long[]> promptIds) {}

    /** Tokens of a text with their log-probabilities (null where there is none) and code-point offsets. */
    record TokenLogprobs(List<String> tokens, List<@Nullable Double> logprobs, List<Integer> offsets, List<Long> ids) {}

    /** One finished choice. {@code text} includes the prompt when the request asked for echo. */
    record Choice(
            int index,
            String text,
            String finishReason,
            int promptTokens,
            int completionTokens,
            @Nullable TokenLogprobs logprobs,
            @Nullable TokenLogprobs promptLogprobs) {}

    private final ModelSnapshotRepository snapshots;
    private final LoadedModels loaded;
    /** {@link ModelExecutors#modelApiScoring}: one virtual thread per choice. */
    private final ExecutorService scoring;
    // how full the engine's batches were for API requests: HTTP spreads arrivals, and a batcher that only waits
    // a few milliseconds for company then runs smaller batches (the benchmark prints this)
    private final LongAdder generations = new LongAdder();
    private final LongAdder batchRows = new LongAdder();

    OpenAiServer(
            ModelSnapshotRepository snapshots,
            LoadedModels loaded,
            @Qualifier(ModelExecutors.API_SCORING) ExecutorService scoring) {
        this.scoring = scoring;
        this.snapshots = snapshots;
        this.loaded = loaded;
    }

    /** The snapshots served over the API: the local ones, by name. */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    List<ModelSnapshot> models() {
        return snapshots.findAll().stream()
                .filter(s -> snapshots.findRemote(s.id()).isEmpty())
                .toList();
    }

    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    Prepared prepare(OpenAiCompletionRequest request) {
        ModelSnapshot snapshot = snapshots
                .findByName(request.model())
                .filter(s -> snapshots.findRemote(s.id()).isEmpty())
                .orElseThrow(() -> OpenAiApiException.unknownModel(request.model()));
        LoadedModels.Loaded model;
        try {
            // held until run() finishes, so that the idle unloader leaves it loaded meanwhile
            model = loaded.acquire(snapshot);
        } catch (RuntimeException e) {
            throw new OpenAiApiException(
                    500,
                    "server_error",
                    "The model '" + snapshot.name() + "' cannot be loaded: " + e.getMessage(),
                    "model",
                    null);
        }
        try {
            return check(snapshot, model, request);
        } catch (RuntimeException e) {
            loaded.release(snapshot.id());
            throw e;
        }
    }

    private Prepared check(ModelSnapshot snapshot, LoadedModels.Loaded model, OpenAiCompletionRequest request) {
        if (!model.lm().hasTokenizer()) {
            throw OpenAiApiException.invalid("model", "The model '" + snapshot.name() + "' has no tokenizer.json.");
        }
        int context = model.lm().model().config().maxPositionEmbeddings();
        List<long[]> ids = new ArrayList<>();
        for (String prompt : request.prompts()) {
            long[] promptIds = model.lm().tokenizer().encode(prompt, true);
            if (promptIds.length + request.maxTokens() > context) {
                throw OpenAiApiException.invalid(
                        "max_tokens",
                        "This model's maximum context length is " + context
                                + " tokens. However, you requested " + (promptIds.length + request.maxTokens())
                                + " tokens ("
                                + promptIds.length + " in the prompt, " + request.maxTokens()
                                + " for the completion).");
            }
            ids.add(promptIds);
        }
        return new Prepared(snapshot, model, request, ids);
    }

    /**
     * Starts every choice (prompts x n) on the engine, choice {@code i} with {@code seed + i} (so a batch of prompts
     * samples as {@link ModelService#generateAll} does); text deltas go to {@code onDelta(choice index, delta)} from
     * the engine's thread as they are generated.
     */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    CompletableFuture<List<Choice>> run(Prepared prepared, @Nullable BiConsumer<Integer, String> onDelta) {
        OpenAiCompletionRequest r = prepared.request();
        List<CompletableFuture<Choice>> choices = new ArrayList<>();
        for (int p = 0; p < r.prompts().size(); p++) {
            for (int k = 0; k < r.n(); k++) {
                int index = p * r.n() + k;
                String prompt = r.prompts().get(p);
                long[] promptIds = prepared.promptIds().get(p);
                if (r.maxTokens() == 0) {
                    choices.add(CompletableFuture.supplyAsync(
                            () -> choice(prepared, index, prompt, promptIds, null), scoring));
                    continue;
                }
                SamplingSettings settings = new SamplingSettings(
                        r.temperature(),
                        r.topP(),
                        r.topK(),
                        r.maxTokens(),
                        r.stop(),
                        r.seed() == null ? null : r.seed() + index);
                GenerationRequest request = GenerationRequest.of(prompt, LocalModelService.options(settings))
                        .withListener(
                                onDelta == null
                                        ? null
                                        : (token, delta) -> {
                                            if (!delta.isEmpty()) {
                                                onDelta.accept(index, delta);
                                            }
                                        });
                choices.add(prepared.model()
                        .batcher()
                        .submit(request)
                        .thenApplyAsync(g -> choice(prepared, index, prompt, promptIds, g), scoring));
            }
        }
        return CompletableFuture.allOf(choices.toArray(CompletableFuture[]::new))
                .whenComplete((v, e) -> loaded.release(prepared.snapshot().id()))
                .thenApply(v -> choices.stream().map(CompletableFuture::join).toList());
    }

    private Choice choice(Prepared prepared, int index, String prompt, long[] promptIds, @Nullable Generation g) {
        OpenAiCompletionRequest r = prepared.request();
        CausalLm lm = prepared.model().lm();
        if (g != null) {
            generations.increment();
            batchRows.add(g.batchSize());
        }
        String completion = g == null ? "" : g.text();
        long[] generated = g == null ? new long[0] : g.tokenIds();
        String finish = g == null || g.finishReason() == FinishReason.MAX_TOKENS ? "length" : "stop";
        TokenLogprobs promptTokens =
                r.promptLogprobs() != null || (r.echo() && r.logprobs() != null) ? promptLogprobs(lm, promptIds) : null;
        TokenLogprobs logprobs = null;
        if (r.logprobs() != null) {
            TokenLogprobs generatedTokens = generatedLogprobs(lm, promptIds, generated, completion);
            logprobs = r.echo()
                    ? concat(promptTokens, generatedTokens, prompt.codePointCount(0, prompt.length()))
                    : generatedTokens;
        }
        return new Choice(
                index,
                r.echo() ? prompt + completion : completion,
                finish,
                promptIds.length,
                generated.length,
                logprobs,
                r.promptLogprobs() != null ? promptTokens : null);
    }

    /** Mean size of the engine batches that API generations ran in, since start (NaN before any). */
    double meanBatchSize() {
        long n = generations.sum();
        return n == 0 ? Double.NaN : (double) batchRows.sum() / n;
    }

    /** The prompt's tokens; each after the first with its log-probability given the tokens before it. */
    private static TokenLogprobs promptLogprobs(CausalLm lm, long[] ids) {
        List<@Nullable Double> values = new ArrayList<>();
        values.add(null);
        if (ids.length > 1) {
            ContinuationScore score = lm.scoreIds(
                            List.of(new long[] {ids[0]}), List.of(Arrays.copyOfRange(ids, 1, ids.length)), 1)
                    .getFirst();
            for (float f : score.tokenLogProbs()) {
                values.add((double) f);
            }
        }
        List<String> pieces = pieces(lm.tokenizer(), ids);
        return new TokenLogprobs(pieces, values, offsets(pieces, 0), boxed(ids));
    }

    /** The sampled tokens' log-probabilities under the model (before temperature / top-p), cut at the text's end. */
    private static TokenLogprobs generatedLogprobs(CausalLm lm, long[] promptIds, long[] generated, String text) {
        if (generated.length == 0) {
            return new TokenLogprobs(List.of(), List.of(), List.of(), List.of());
        }
        ContinuationScore score =
                lm.scoreIds(List.of(promptIds), List.of(generated), 1).getFirst();
        List<String> pieces = pieces(lm.tokenizer(), generated);
        List<Integer> offsets = offsets(pieces, 0);
        int length = text.codePointCount(0, text.length());
        List<String> tokens = new ArrayList<>();
        List<@Nullable Double> values = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < generated.length; i++) {
            // tokens of a stop sequence (cut from the text) are left out, as the text leaves them out
            if (i > 0 && offsets.get(i) >= length) {
                break;
            }
            tokens.add(pieces.get(i));
            values.add((double) score.tokenLogProbs()[i]);
            kept.add(offsets.get(i));
            ids.add(generated[i]);
        }
        return new TokenLogprobs(tokens, values, kept, ids);
    }

    private static TokenLogprobs concat(@Nullable TokenLogprobs prompt, TokenLogprobs generated, int shift) {
        List<String> tokens = new ArrayList<>(prompt == null ? List.of() : prompt.tokens());
        List<@Nullable Double> values = new ArrayList<>(prompt == null ? List.of() : prompt.logprobs());
        List<Integer> offsets = new ArrayList<>(prompt == null ? List.of() : prompt.offsets());
        List<Long> ids = new ArrayList<>(prompt == null ? List.of() : prompt.ids());
        tokens.addAll(generated.tokens());
        values.addAll(generated.logprobs());
        generated.offsets().forEach(o -> offsets.add(o + shift));
        ids.addAll(generated.ids());
        return new TokenLogprobs(tokens, values, offsets, ids);
    }

    /**
     * Each token's text. Tokens decoded one by one concatenate to the whole text for byte-level tokenizers on most
     * text; where they do not (a character split over tokens, SentencePiece spaces) each token's text is what its
     * prefix adds to the decoded text, which is exact but quadratic.
     */
    static List<String> pieces(TextTokenizer tokenizer, long[] ids) {
        List<String> single = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        for (long id : ids) {
            String piece = tokenizer.decode(new long[] {id});
            single.add(piece);
            joined.append(piece);
        }
        if (joined.toString().equals(tokenizer.decode(ids)) && joined.indexOf("\uFFFD") < 0) {
            return single;
        }
        List<String> pieces = new ArrayList<>();
        String previous = "";
        for (int i = 1; i <= ids.length; i++) {
            String current = tokenizer.decode(Arrays.copyOf(ids, i));
            pieces.add(current.startsWith(previous) ? current.substring(previous.length()) : "");
            previous = current.startsWith(previous) ? current : previous;
        }
        return pieces;
    }

    private static List<Integer> offsets(List<String> pieces, int start) {
        List<Integer> offsets = new ArrayList<>();
        int position = start;
        for (String piece : pieces) {
            offsets.add(position);
            position += piece.codePointCount(0, piece.length());
        }
        return offsets;
    }

    private static List<Long> boxed(long[] ids) {
        return Arrays.stream(ids).boxed().toList();
    }
}
