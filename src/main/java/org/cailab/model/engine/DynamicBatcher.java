package org.cailab.model.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Serves generation requests from many threads with one worker thread and continuous (iteration-level) batching, as
 * Orca and vLLM do: between two decode steps, waiting requests are prefilled and join the running batch, finished
 * rows leave at once, and the batch size limit counts running rows.
 *
 * <p>Scheduling: {@link Priority#LIVE} requests go before {@link Priority#PIPELINE} ones; when every slot is taken, a
 * live request preempts the pipeline row that started last (it goes back to the head of its queue with what it
 * sampled so far and resumes by prefilling prompt + tokens, so nothing is lost but that prefill). Within a class users
 * take turns, and a named user has at most {@code maxInFlightPerUser} live requests running (requests without a user
 * are not capped). Each class has a bounded queue: a request beyond it fails at once with {@link BusyException}.
 * Cancelling a request's future drops it from the queue, or stops its row at the next step and frees the slot.
 *
 * <p>When the worker is idle, the first request waits up to {@code maxWait} for company (less once the batch would be
 * full), so that a burst starts as one batch. Closing the batcher stops the worker after its current step and fails
 * running and waiting requests with a {@link CancellationException}.
 *
 * <p>A {@link TimingListener} hears, for every request that finishes, where its time went: waiting in the queue,
 * prefilling, and decoding in the running batch.
 */
public final class DynamicBatcher implements AutoCloseable {

    /**
     * Where a finished request's time went (wall time, summed over the times it ran when it was preempted).
     *
     * @param queued  from submission to admission into the batch (and again from a preemption to its resumption)
     * @param prefill from admission until its row had its first token and joined the batch (tokenising, the prefill
     *                forward pass shared with the requests admitted with it)
     * @param decode  from joining the batch to its last token (including the steps other rows' prefills held it up)
     */
    public record Timings(Priority priority, Duration queued, Duration prefill, Duration decode, int newTokens) {}

    /** Hears each finished request's {@link Timings}, on the worker thread: keep it quick. */
    @FunctionalInterface
    public interface TimingListener {
        void finished(Timings timings);
    }

    /** A request, and its row once it has run (a preempted one keeps its sampled tokens and random state). */
    private static final class Pending {
        final GenerationRequest request;
        final Priority priority;
        final String user;
        final CompletableFuture<Generation> future;

        @Nullable
        GenerationRow row;

        long started;
        /** When it (last) started waiting: submitted, or preempted. */
        long waitingSince = System.nanoTime();
        /** When its current prefill or decode phase began. */
        long phaseStart;

        boolean decoding;
        long queuedNanos;
        long prefillNanos;
        long decodeNanos;

        Pending(GenerationRequest request, Priority priority, String user, CompletableFuture<Generation> future) {
            this.request = request;
            this.priority = priority;
            this.user = user;
            this.future = future;
        }
    }

    private static final System.Logger LOG = System.getLogger(DynamicBatcher.class.getName());

    private final CausalLm lm;
    private final int maxBatchSize;
    private final long maxWaitNanos;
    private final int maxInFlightPerUser;
    private final @Nullable TimingListener timingListener;
    private final int intraOpThreads;
    private final Object lock = new Object();
    private final RequestQueue<Pending> queue;
    private final Map<GenerationRow, Pending> running = new IdentityHashMap<>();
    private final Map<String, Integer> liveInFlight = new HashMap<>();
    private final Thread worker;
    private RunningBatch batch;
    private long firstWaitingSince;
    private long admissions;
    private volatile boolean closed;
    private volatile long steps;
    private volatile int runningRows;
    private volatile long preemptions;

    private DynamicBatcher(Builder builder) {
        this.lm = builder.lm;
        this.maxBatchSize = builder.maxBatchSize;
        this.maxWaitNanos = builder.maxWait.toNanos();
        this.maxInFlightPerUser = builder.maxInFlightPerUser;
        this.timingListener = builder.timingListener;
        this.intraOpThreads = builder.intraOpThreads;
        this.queue = new RequestQueue<>(builder.maxQueuedLive, builder.maxQueuedPipeline);
        this.batch = new RunningBatch(lm.model(), maxBatchSize);
        this.worker = Thread.ofPlatform().name("cailab-batcher").daemon().unstarted(this::work);
        worker.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Queues a live prompt without a user; the future completes with its generation. */
    public CompletableFuture<Generation> submit(String prompt, GenerationOptions options) {
        return submit(GenerationRequest.of(prompt, options));
    }

    /** Queues a live prompt without a user, whose tokens stream to a listener (on the worker thread). */
    public CompletableFuture<Generation> submit(
            String prompt, GenerationOptions options, @Nullable TokenStreamListener listener) {
        return submit(GenerationRequest.of(prompt, options).withListener(listener));
    }

    /** Queues a live request without a user. */
    public CompletableFuture<Generation> submit(GenerationRequest request) {
        return submit(request, Priority.LIVE, "");
    }

    /**
     * Queues a request. Cancel the returned future to drop it (waiting) or stop it at the next step (running).
     *
     * @param user who asks (users take turns; a named user's live requests in flight are capped); "" for nobody
     * @return a future that fails at once with {@link BusyException} when the class's queue is full
     */
    public CompletableFuture<Generation> submit(GenerationRequest request, Priority priority, String user) {
        CompletableFuture<Generation> future = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                future.completeExceptionally(new IllegalStateException("batcher is closed"));
                return future;
            }
            queue.removeIf(p -> p.future.isDone()); // cancelled waiting requests give their place back
            if (queue.isEmpty()) {
                firstWaitingSince = System.nanoTime();
            }
            if (!queue.offer(new Pending(request, priority, user, future), priority, user)) {
                future.completeExceptionally(new BusyException("The model is busy (" + queue.waiting(priority) + " "
                        + priority.name().toLowerCase(java.util.Locale.ROOT) + " requests waiting); try again in a"
                        + " moment."));
                return future;
            }
            lock.notifyAll();
        }
        // an idle worker waiting for company looks again when a request is cancelled
        future.whenComplete((g, e) -> {
            if (future.isCancelled()) {
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        });
        return future;
    }

    /** Decode steps run so far (all rows advance one token per step). */
    public long decodeSteps() {
        return steps;
    }

    /** Rows generating right now. */
    public int running() {
        return runningRows;
    }

    /** Requests waiting to start (both classes). */
    public int waiting() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** Pipeline rows that made room for live requests so far. */
    public long preemptions() {
        return preemptions;
    }

    private void work() {
        try {
            EngineThreads.forInference(intraOpThreads);
            while (!closed) {
                List<Pending> joining = admit();
                if (joining == null) {
                    break;
                }
                if (joining.isEmpty() && batch.size() == 0) {
                    synchronized (lock) {
                        lock.wait(50); // everything waiting is held back (a cap); look again soon
                    }
                    continue;
                }
                join(joining);
                dropCancelled();
                if (batch.size() > 0) {
                    step();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "batcher worker failed", e);
        } finally {
            List<Pending> rest;
            synchronized (lock) {
                closed = true;
                rest = new ArrayList<>(queue.drain());
            }
            rest.addAll(running.values());
            running.clear();
            rest.forEach(p -> p.future.completeExceptionally(new CancellationException("batcher closed")));
            batch.close();
            runningRows = 0;
        }
    }

    /** Waits for work, then takes what may start now; null when closed. */
    private @Nullable List<Pending> admit() throws InterruptedException {
        synchronized (lock) {
            dropCancelled();
            while (!closed && batch.size() == 0 && queue.isEmpty()) {
                lock.wait();
                queue.removeIf(p -> p.future.isDone());
            }
            if (closed) {
                return null;
            }
            if (batch.size() == 0) {
                // idle: give a burst the chance to start together
                long deadline = firstWaitingSince + maxWaitNanos;
                long left;
                while (!closed && queue.size() < maxBatchSize && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                    queue.removeIf(p -> p.future.isDone());
                }
            }
            List<Pending> admitted = new ArrayList<>();
            while (true) {
                boolean free = batch.size() + admitted.size() < maxBatchSize;
                RequestQueue.Entry<Pending> next = queue.poll(
                        free ? List.of(Priority.LIVE, Priority.PIPELINE) : List.of(Priority.LIVE), this::mayRun);
                if (next == null) {
                    break;
                }
                Pending pending = next.item();
                if (pending.future.isDone()) {
                    continue; // cancelled while waiting
                }
                if (!free && !preemptOne()) {
                    queue.offerFirst(pending, pending.priority, pending.user);
                    break;
                }
                pending.started = ++admissions;
                long now = System.nanoTime();
                pending.queuedNanos += now - pending.waitingSince;
                pending.phaseStart = now;
                if (pending.priority == Priority.LIVE && !pending.user.isEmpty()) {
                    liveInFlight.merge(pending.user, 1, Integer::sum);
                }
                admitted.add(pending);
            }
            if (!queue.isEmpty()) {
                firstWaitingSince = System.nanoTime();
            }
            return admitted;
        }
    }

    private boolean mayRun(String user, Priority priority) {
        return priority != Priority.LIVE || user.isEmpty() || liveInFlight.getOrDefault(user, 0) < maxInFlightPerUser;
    }

    /** Makes room for a live request: the pipeline row that started last goes back to the head of its queue. */
    private boolean preemptOne() {
        Pending victim = null;
        for (Pending p : running.values()) {
            if (p.priority == Priority.PIPELINE && (victim == null || p.started > victim.started)) {
                victim = p;
            }
        }
        if (victim == null) {
            return false;
        }
        batch.remove(victim.row);
        running.remove(victim.row);
        runningRows = batch.size();
        preemptions++;
        long now = System.nanoTime();
        victim.decodeNanos += now - victim.phaseStart;
        victim.decoding = false;
        victim.waitingSince = now;
        queue.offerFirst(victim, victim.priority, victim.user);
        return true;
    }

    /** Prefills the admitted requests and lets them join; one that cannot run fails alone. */
    private void join(List<Pending> joining) {
        List<Pending> ready = new ArrayList<>();
        for (Pending p : joining) {
            if (p.row == null) {
                try {
                    p.row = lm.generator().row(p.request);
                } catch (RuntimeException e) {
                    fail(p, e);
                    continue;
                }
            }
            if (p.row.finished()) {
                finish(p);
            } else {
                ready.add(p);
            }
        }
        if (ready.isEmpty()) {
            return;
        }
        try {
            joinRows(ready);
        } catch (RuntimeException | Error e) {
            if (ready.size() == 1) {
                fail(ready.getFirst(), e);
            } else {
                // one bad request must not fail its neighbours
                for (Pending p : ready) {
                    try {
                        joinRows(List.of(p));
                    } catch (RuntimeException | Error single) {
                        fail(p, single);
                    }
                }
            }
        }
    }

    private void joinRows(List<Pending> ready) {
        List<GenerationRow> rows = ready.stream().map(p -> p.row).toList();
        List<GenerationRow> done = batch.join(rows);
        long now = System.nanoTime();
        for (Pending p : ready) {
            if (done.contains(p.row)) {
                finish(p);
            } else {
                p.prefillNanos += now - p.phaseStart;
                p.phaseStart = now;
                p.decoding = true;
                running.put(p.row, p);
            }
        }
        runningRows = batch.size();
    }

    private void step() {
        List<GenerationRow> done;
        try {
            done = batch.step();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "decode step failed; failing its rows", e);
            List<Pending> lost = new ArrayList<>(running.values());
            running.clear();
            batch.close();
            batch = new RunningBatch(lm.model(), maxBatchSize);
            lost.forEach(p -> fail(p, e));
            runningRows = 0;
            return;
        }
        steps++;
        for (GenerationRow row : done) {
            finish(running.remove(row));
        }
        runningRows = batch.size();
    }

    /** Rows whose future was cancelled leave the batch now. */
    private void dropCancelled() {
        List<Pending> cancelled =
                running.values().stream().filter(p -> p.future.isDone()).toList();
        for (Pending p : cancelled) {
            batch.remove(p.row);
            running.remove(p.row);
            release(p);
        }
        runningRows = batch.size();
        synchronized (lock) {
            queue.removeIf(p -> p.future.isDone());
        }
    }

    private void finish(Pending p) {
        release(p);
        Generation result = p.row.result();
        report(p, result);
        p.future.complete(result);
    }

    private void report(Pending p, Generation result) {
        if (timingListener == null) {
            return;
        }
        long phase = System.nanoTime() - p.phaseStart;
        if (p.decoding) {
            p.decodeNanos += phase;
        } else {
            p.prefillNanos += phase;
        }
        try {
            timingListener.finished(new Timings(
                    p.priority,
                    Duration.ofNanos(p.queuedNanos),
                    Duration.ofNanos(p.prefillNanos),
                    Duration.ofNanos(p.decodeNanos),
                    result.tokenIds().length));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "timing listener failed", e);
        }
    }

    private void fail(Pending p, Throwable e) {
        release(p);
        p.future.completeExceptionally(e);
    }

    private void release(Pending p) {
        if (p.priority == Priority.LIVE && !p.user.isEmpty()) {
            synchronized (lock) {
                liveInFlight.computeIfPresent(p.user, (u, n) -> n <= 1 ? null : n - 1);
            }
        }
    }

    /** Stops the worker after its current step; running and waiting requests fail with a cancellation. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            worker.join(TimeUnit.MINUTES.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds a batcher: {@code setModel} is required. */
    public static final class Builder {
        private @Nullable CausalLm lm;
        private int maxBatchSize = 16;
        private Duration maxWait = Duration.ofMillis(10);
        private int maxInFlightPerUser = 2;
        private int maxQueuedLive = 256;
        private int maxQueuedPipeline = 1024;
        private @Nullable TimingListener timingListener;
        private int intraOpThreads;

        private Builder() {}

        /**
         * PyTorch intra-op threads for the worker thread that runs the batches (default 0: the thread keeps the
         * process's count); see {@link EngineThreads#inferenceThreadsFor}.
         */
        public Builder optIntraOpThreads(int intraOpThreads) {
            this.intraOpThreads = intraOpThreads;
            return this;
        }

        /** The model that runs the batches (not closed by the batcher). */
        public Builder setModel(CausalLm lm) {
            this.lm = lm;
            return this;
        }

        /** The most rows generating together (default 16). */
        public Builder optMaxBatchSize(int maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        /** How long the first request to an idle batcher waits for company (default 10 ms). */
        public Builder optMaxWait(Duration maxWait) {
            this.maxWait = maxWait;
            return this;
        }

        /** The most live requests of one named user running at once (default 2: a comparison's two answers). */
        public Builder optMaxInFlightPerUser(int maxInFlightPerUser) {
            this.maxInFlightPerUser = maxInFlightPerUser;
            return this;
        }

        /** The most requests waiting per class before new ones are refused as busy (default 256 live, 1024 pipeline). */
        public Builder optMaxQueued(int live, int pipeline) {
            this.maxQueuedLive = live;
            this.maxQueuedPipeline = pipeline;
            return this;
        }

        /** Hears where each finished request's time went (queue, prefill, decode); none by default. */
        public Builder optTimingListener(@Nullable TimingListener listener) {
            this.timingListener = listener;
            return this;
        }

        public DynamicBatcher build() {
            if (lm == null) {
                throw new IllegalStateException("setModel is required");
            }
            if (intraOpThreads < 0) {
                throw new IllegalArgumentException(
                        "intra-op threads must be 0 (keep) or positive, not " + intraOpThreads);
            }
            if (maxBatchSize < 1 || maxInFlightPerUser < 1 || maxQueuedLive < 1 || maxQueuedPipeline < 1) {
                throw new IllegalArgumentException("batch size, per-user cap and queue bounds must be positive");
            }
            return new DynamicBatcher(this);
        }
    }
}
