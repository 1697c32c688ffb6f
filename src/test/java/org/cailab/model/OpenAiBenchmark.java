package org.cailab.model;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cailab.CailabApplication;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.cailab.model.engine.BpeTokenizerTrainer;
import org.cailab.model.engine.BpeVocabulary;
import org.cailab.model.engine.LlamaConfig;
import org.cailab.model.engine.TinyModels;
import org.cailab.security.ApiKeyService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Benchmark, not a test: throughput of generation through our OpenAI-compatible API (client, HTTP, JSON, API key,
 * server, the same engine) against the engine called directly, for the same seeded requests, 8 at a time so the
 * engine batches 8. The whole app runs in this JVM (fresh embedded database under {@code target/}).
 * Options: {@code --rounds R} (default 6), {@code --tokens T} new tokens per request (default 64), {@code --size
 * tiny|small} (2 layers d=32 or 4 layers d=128, default small).
 */
public final class OpenAiBenchmark {

    private OpenAiBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = 6;
        int tokens = 64;
        String size = "small";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--tokens" -> tokens = Integer.parseInt(args[i + 1]);
                case "--size" -> size = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path data = Path.of("target/benchmark-data/openai-" + System.currentTimeMillis())
                .toAbsolutePath();
        Files.createDirectories(data);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CailabApplication.class)
                .run(
                        "--server.port=0",
                        "--cailab.data-dir=" + data,
                        "--cailab.security.admin-password=benchmark-password",
                        "--cailab.models.demo-enabled=false",
                        "--logging.level.root=WARN",
                        "--logging.level.org.cailab=WARN");
        int exit = 1;
        try {
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_RESEARCHER")));
            ModelRegistry registry = app.getBean(ModelRegistry.class);
            ModelService models = app.getBean(ModelService.class);
            String port = app.getEnvironment().getProperty("local.server.port");
            ModelSnapshot local = registry.register(NewSnapshot.local(
                    "bench-local",
                    SnapshotKind.PRETRAINED,
                    model(data.resolve("model"), size).toString()));
            System.setProperty(
                    "CAILAB_BENCHMARK_KEY",
                    app.getBean(ApiKeyService.class)
                            .create("benchmark", java.util.Set.of(org.cailab.security.ApiKeyScope.OPENAI_API), null)
                            .secret());
            ModelSnapshot remote = registry.registerRemote(
                    "bench-remote",
                    SnapshotKind.PRETRAINED,
                    RemoteBackend.of(
                            List.of(URI.create("http://localhost:" + port)), local.name(), "CAILAB_BENCHMARK_KEY"),
                    "");
            List<String> prompts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                prompts.add(Conversation.singleTurnPrompt("question number " + i + ": what is good help?"));
            }
            // no stop sequences: every request runs to the same length on both paths
            SamplingSettings settings = new SamplingSettings(1.0, 1.0, 0, tokens, List.of(), 1000L);
            System.out.printf(
                    Locale.ROOT,
                    "cores %d, java %s, model %s, batch 8 x %d new tokens, %d rounds%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    size,
                    tokens,
                    rounds);
            // warm-up: load the model, JIT both paths
            models.generateAll(local.id(), prompts, settings);
            models.generateAll(remote.id(), prompts, settings);
            List<Double> directRates = new ArrayList<>();
            List<Double> apiRates = new ArrayList<>();
            long directNanos = 0;
            long apiNanos = 0;
            long directTokens = 0;
            long apiTokens = 0;
            for (int r = 0; r < rounds; r++) {
                // alternate, so that load from other processes hits both paths alike
                long t0 = System.nanoTime();
                List<GenerationResult> direct = models.generateAll(local.id(), prompts, settings);
                long t1 = System.nanoTime();
                List<GenerationResult> api = models.generateAll(remote.id(), prompts, settings);
                long t2 = System.nanoTime();
                directNanos += t1 - t0;
                apiNanos += t2 - t1;
                int roundDirect = direct.stream()
                        .mapToInt(GenerationResult::generatedTokens)
                        .sum();
                int roundApi =
                        api.stream().mapToInt(GenerationResult::generatedTokens).sum();
                directTokens += roundDirect;
                apiTokens += roundApi;
                directRates.add(roundDirect / ((t1 - t0) / 1e9));
                apiRates.add(roundApi / ((t2 - t1) / 1e9));
                if (!direct.stream()
                        .map(GenerationResult::text)
                        .toList()
                        .equals(api.stream().map(GenerationResult::text).toList())) {
                    throw new IllegalStateException("the two paths sampled different texts in round " + r);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "API requests ran in engine batches of %.2f rows on average (8 at best)%n",
                    app.getBean(OpenAiServer.class).meanBatchSize());
            double direct = directTokens / (directNanos / 1e9);
            double api = apiTokens / (apiNanos / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "direct engine: %,d tokens in %.2f s = %.0f tokens/s%n",
                    directTokens,
                    directNanos / 1e9,
                    direct);
            System.out.printf(
                    Locale.ROOT,
                    "OpenAI API:    %,d tokens in %.2f s = %.0f tokens/s%n",
                    apiTokens,
                    apiNanos / 1e9,
                    api);
            System.out.printf(
                    Locale.ROOT,
                    "ratio API / direct = %.3f (overhead %.1f %%)%n",
                    api / direct,
                    (1 - api / direct) * 100);
            double directMedian = median(directRates);
            double apiMedian = median(apiRates);
            // the medians of the rounds resist a neighbour's build stealing the cores during one round
            System.out.printf(
                    Locale.ROOT,
                    "median of rounds: direct %.0f, API %.0f tokens/s, ratio %.3f (overhead %.1f %%)%n",
                    directMedian,
                    apiMedian,
                    apiMedian / directMedian,
                    (1 - apiMedian / directMedian) * 100);
            exit = 0;
        } finally {
            app.close();
            System.exit(exit);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Path model(Path dir, String size) throws Exception {
        Files.createDirectories(dir);
        List<String> corpus = new ArrayList<>();
        String[] words = {"hello", "world", "the", "model", "answer", "question", "good", "bad", "help", "please"};
        for (int i = 0; i < 400; i++) {
            corpus.add(new Conversation(List.of(
                            Turn.human(words[i % 10] + " " + words[(i * 7) % 10] + "?"),
                            Turn.assistant(words[(i * 3) % 10] + " " + words[(i * 5) % 10] + ".")))
                    .stripped()
                    .render());
        }
        BpeVocabulary vocab = BpeTokenizerTrainer.builder()
                .setVocabSize(512)
                .optMinFrequency(1)
                .build()
                .train(corpus);
        vocab.write(dir);
        boolean small = size.equals("small");
        LlamaConfig config = LlamaConfig.builder()
                .setVocabSize(vocab.size())
                .setHiddenSize(small ? 128 : 32)
                .setIntermediateSize(small ? 344 : 64)
                .setNumLayers(small ? 4 : 2)
                .setNumHeads(4)
                .optNumKvHeads(2)
                .optBosTokenId(0L)
                .optEosTokenIds(List.of())
                .build();
        TinyModels.create(dir, config, 3);
        return dir;
    }
}
