package org.cailab.model.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Serves generation requests from many threads with one worker thread: it takes the first waiting request, waits up
 * to {@code maxWait} for more (less once the batch is full), and runs them as one batch. A batch runs to its end
 * before the next starts (no continuous batching). Closing it stops the worker and cancels waiting requests.
 */
public final class DynamicBatcher implements AutoCloseable {

    private record Pending(GenerationRequest request, CompletableFuture<Generation> future) {}

    private final CausalLm lm;
    private final int maxBatchSize;
    private final long maxWaitNanos;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closed;

    private DynamicBatcher(Builder builder) {
        this.lm = builder.lm;
        this.maxBatchSize = builder.maxBatchSize;
        this.maxWaitNanos = builder.maxWait.toNanos();
        this.worker = Thread.ofPlatform().name("cailab-batcher").daemon().unstarted(this::work);
        worker.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Queues a prompt; the future completes with its generation. */
    public CompletableFuture<Generation> submit(String prompt, GenerationOptions options) {
        return submit(GenerationRequest.of(prompt, options));
    }

    /** Queues a prompt whose tokens stream to a listener (on the worker thread). */
    public CompletableFuture<Generation> submit(String prompt, GenerationOptions options,
            @Nullable TokenStreamListener listener) {
        return submit(GenerationRequest.of(prompt, options).withListener(listener));
    }

    /** Queues a request. */
    public CompletableFuture<Generation> submit(GenerationRequest request) {
        CompletableFuture<Generation> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new IllegalStateException("batcher is closed"));
            return future;
        }
        queue.add(new Pending(request, future));
        return future;
    }

    private void work() {
        while (!closed) {
            List<Pending> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
                long deadline = System.nanoTime() + maxWaitNanos;
                while (batch.size() < maxBatchSize) {
                    Pending next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
            } catch (InterruptedException e) {
                batch.forEach(p -> p.future().cancel(false));
                break;
            }
            run(batch);
        }
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        rest.forEach(p -> p.future().completeExceptionally(new CancellationException("batcher closed")));
    }

    private void run(List<Pending> batch) {
        try {
            List<Generation> results = lm.generate(batch.stream().map(Pending::request).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).future().complete(results.get(i));
            }
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1) {
                batch.getFirst().future().completeExceptionally(e);
            } else {
                // one bad request (say, text for a model without tokenizer) must not fail its neighbours
                batch.forEach(p -> run(List.of(p)));
            }
        }
    }

    /** Stops the worker after its current batch; requests still waiting fail with a cancellation. */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join(TimeUnit.MINUTES.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds a batcher: {@code setModel} is required. */
    public static final class Builder {
        private @Nullable CausalLm lm;
        private int maxBatchSize = 8;
        private Duration maxWait = Duration.ofMillis(10);

        private Builder() {}

        /** The model that runs the batches (not closed by the batcher). */
        public Builder setModel(CausalLm lm) {
            this.lm = lm;
            return this;
        }

        /** The most requests per batch (default 8). */
        public Builder optMaxBatchSize(int maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        /** How long the first request of a batch waits for company (default 10 ms). */
        public Builder optMaxWait(Duration maxWait) {
            this.maxWait = maxWait;
            return this;
        }

        public DynamicBatcher build() {
            if (lm == null) {
                throw new IllegalStateException("setModel is required");
            }
            return new DynamicBatcher(this);
        }
    }
}
