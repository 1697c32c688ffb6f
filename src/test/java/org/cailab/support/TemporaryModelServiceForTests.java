package org.cailab.support;

import org.cailab.model.GenerationResult;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SamplingSettings;
import org.cailab.model.ScoredContinuation;
import org.cailab.model.SnapshotKind;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * TEMPORARY, tests only: a stand-in {@link ModelService} until the real implementation (DJL engine and snapshot
 * registry) is merged; delete it then. Each snapshot samples characters from a seeded character-bigram model of a
 * small corpus, one character per "token" with a small delay, and streams them as deltas. The snapshot named
 * {@link #LEAKY} names itself in every answer, for the identity-leak tests.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TemporaryModelServiceForTests {

    public static final String LEAKY = "leaky-bigram";
    /** Pause after every generated character; tests that need slow answers raise it. */
    public static volatile Duration tokenDelay = Duration.ofMillis(2);

    private static final String CORPUS = """
            The assistant answers questions clearly and honestly. It explains what it knows and says when it is \
            not sure. A good answer is short, correct and kind. The weather today is mild and the sea is calm. \
            Bread is made from flour, water, salt and yeast. To learn a language, practise a little every day.""";

    @Bean
    ModelService temporaryModelService() {
        return new BigramModels();
    }

    /** The stand-in itself. */
    static final class BigramModels implements ModelService {

        private final List<ModelSnapshot> snapshots;
        private final Map<Character, Map<Character, Integer>> bigrams = new HashMap<>();
        private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "temporary-model");
            t.setDaemon(true);
            return t;
        });

        BigramModels() {
            OffsetDateTime now = OffsetDateTime.now();
            snapshots = List.of(
                    new ModelSnapshot(9001, "bigram-alpha", SnapshotKind.DEMO, "memory:alpha", null, null, null, now),
                    new ModelSnapshot(9002, "bigram-beta", SnapshotKind.DEMO, "memory:beta", null, null, null, now),
                    new ModelSnapshot(9003, "bigram-gamma", SnapshotKind.DEMO, "memory:gamma", null, null, null, now),
                    new ModelSnapshot(9004, LEAKY, SnapshotKind.DEMO, "memory:leaky", null, null, null, now));
            for (int i = 0; i + 1 < CORPUS.length(); i++) {
                bigrams.computeIfAbsent(CORPUS.charAt(i), c -> new HashMap<>())
                        .merge(CORPUS.charAt(i + 1), 1, Integer::sum);
            }
        }

        @Override
        public List<ModelSnapshot> snapshots() {
            return snapshots;
        }

        @Override
        public Optional<ModelSnapshot> snapshot(long id) {
            return snapshots.stream().filter(s -> s.id() == id).findFirst();
        }

        @Override
        public CompletableFuture<GenerationResult> generate(long snapshotId, String prompt, SamplingSettings settings,
                                                            Consumer<String> onText) {
            ModelSnapshot snapshot = snapshot(snapshotId)
                    .orElseThrow(() -> new IllegalArgumentException("no snapshot " + snapshotId));
            return CompletableFuture.supplyAsync(() -> sample(snapshot, prompt, settings, onText), executor);
        }

        private GenerationResult sample(ModelSnapshot snapshot, String prompt, SamplingSettings settings,
                                        Consumer<String> onText) {
            long start = System.nanoTime();
            long seed = settings.seed() != null ? settings.seed() : System.nanoTime();
            Random random = new Random(seed ^ snapshot.id() ^ prompt.hashCode());
            StringBuilder text = new StringBuilder();
            if (snapshot.name().equals(LEAKY)) {
                String intro = "I am " + LEAKY + ". ";
                text.append(intro);
                onText.accept(intro);
            }
            int length = Math.min(settings.maxNewTokens(), 40 + random.nextInt(30));
            char current = 'T';
            text.append(current);
            onText.accept(String.valueOf(current));
            for (int i = 1; i < length; i++) {
                current = next(current, random);
                text.append(current);
                onText.accept(String.valueOf(current));
                pause();
            }
            return new GenerationResult(text.toString(), prompt.length(), length, "length",
                    Duration.ofNanos(System.nanoTime() - start));
        }

        private char next(char current, Random random) {
            Map<Character, Integer> followers = bigrams.getOrDefault(current, Map.of(' ', 1));
            int total = followers.values().stream().mapToInt(Integer::intValue).sum();
            int pick = random.nextInt(total);
            for (Map.Entry<Character, Integer> e : followers.entrySet()) {
                pick -= e.getValue();
                if (pick < 0) {
                    return e.getKey();
                }
            }
            return ' ';
        }

        private static void pause() {
            try {
                Thread.sleep(tokenDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public List<GenerationResult> generateAll(long snapshotId, List<String> prompts, SamplingSettings settings) {
            return prompts.stream().map(p -> generate(snapshotId, p, settings, s -> { }).join()).toList();
        }

        @Override
        public List<ScoredContinuation> score(long snapshotId, List<String> prompts, List<String> continuations) {
            throw new UnsupportedOperationException("the temporary test model service does not score");
        }
    }
}
