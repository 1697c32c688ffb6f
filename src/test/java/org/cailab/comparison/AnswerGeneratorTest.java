package org.cailab.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.cailab.crowdwork.CrowdworkProperties;
import org.cailab.crowdwork.LiveGeneration;
import org.cailab.model.GenerationResult;
import org.cailab.model.ModelService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The generator in isolation: the models are scripted, so that streaming and the leak flags are exact. */
class AnswerGeneratorTest {

    private final ModelService models = mock(ModelService.class);
    private final ConversationRepository conversations = mock(ConversationRepository.class);
    private final LiveGeneration live =
            new LiveGeneration(models, new CrowdworkProperties(50, Duration.ofSeconds(5), Duration.ofMillis(10)));
    private final AnswerGenerator generator =
            new AnswerGenerator(live, conversations, new TransactionTemplate(new NoTransactions()));
    private final CompletableFuture<GenerationResult> answerA = new CompletableFuture<>();
    private final CompletableFuture<GenerationResult> answerB = new CompletableFuture<>();
    private final List<Consumer<String>> streams = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        live.destroy();
    }

    @Test
    void streamsBothAnswersThenStoresThemWithTheLeakFlags() {
        StoredTurn turn = turn();
        scriptModels();
        when(conversations.completeTurn(eq(7L), anyString(), anyString(), any(Boolean.class), any(Boolean.class)))
                .thenReturn(true);
        Recorder recorder = new Recorder();

        generator.start(turn);
        generator.subscribe(7, recorder).orElseThrow();
        streams.get(0).accept("I am ");
        streams.get(0).accept("Tiny_A");
        streams.get(1).accept("Bread is good");
        eventually(() -> recorder.events.contains("A:I am Tiny_A") && recorder.events.contains("B:Bread is good"));
        assertThat(recorder.events).noneMatch(e -> e.startsWith("ready"));

        answerA.complete(result(" I am Tiny_A.\n\nHuman: next"));
        answerB.complete(result("Bread is good."));
        eventually(() -> recorder.events.contains("ready:I am Tiny_A.|Bread is good."));
        verify(conversations).completeTurn(7, "I am Tiny_A.", "Bread is good.", true, false);
        assertThat(generator.isGenerating(7)).isFalse();
        assertThat(recorder.events.getLast()).startsWith("ready");
    }

    @Test
    void aFailingModelFailsTheTurnAndTellsTheWorker() {
        scriptModels();
        Recorder recorder = new Recorder();
        generator.start(turn());
        generator.subscribe(7, recorder).orElseThrow();
        answerA.completeExceptionally(new IllegalStateException("engine down"));
        eventually(() -> recorder.events.stream().anyMatch(e -> e.startsWith("failed")));
        verify(conversations).failTurn(7, "IllegalStateException");
        verify(conversations, never())
                .completeTurn(any(Long.class), any(), any(), any(Boolean.class), any(Boolean.class));
    }

    @Test
    void startingTwiceGeneratesOnce() {
        scriptModels();
        generator.start(turn());
        generator.start(turn());
        assertThat(streams).hasSize(2);
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void scriptModels() {
        when(models.generate(eq(1L), anyString(), any(), any())).thenAnswer(call -> {
            streams.add(call.getArgument(3));
            return answerA;
        });
        when(models.generate(eq(2L), anyString(), any(), any())).thenAnswer(call -> {
            streams.add(call.getArgument(3));
            return answerB;
        });
    }

    private static StoredTurn turn() {
        return new StoredTurn(
                7,
                3,
                0,
                "hi",
                "\n\nHuman: hi\n\nAssistant:",
                TurnStatus.GENERATING,
                1L,
                "tiny-a",
                2L,
                "bread-model",
                null,
                null,
                false,
                false,
                null,
                OffsetDateTime.now());
    }

    private static GenerationResult result(String text) {
        return new GenerationResult(text, 5, 5, "stop", Duration.ofMillis(10));
    }

    /** Records what a page would get, in order. */
    private static final class Recorder implements AnswerListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void onText(Side side, String textSoFar) {
            events.add(side + ":" + textSoFar);
        }

        @Override
        public void onReady(long turnId, String a, String b) {
            events.add("ready:" + a + "|" + b);
        }

        @Override
        public void onFailed(long turnId, String message) {
            events.add("failed:" + message);
        }
    }

    /** Runs the callbacks of a TransactionTemplate without a database. */
    private static final class NoTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }
}
