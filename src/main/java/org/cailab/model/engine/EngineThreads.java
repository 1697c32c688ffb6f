package org.cailab.model.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's CPU thread counts, set explicitly so that every process of the app, and every thread in it that trains,
 * computes with the same ones: a run resumed in a new process must repeat the float sums of the process that was
 * killed ({@code docs/decisions/0150-cross-process-determinism.md}).
 *
 * <p>Two counts: inference threads (sampling, scoring, serving) use {@code intraOp}; training threads (SL finetuning,
 * PM and RL runs) use {@code trainingIntraOp}, 1 by default: the same on every machine, unlike a count taken from the
 * available processors (the count changes how libtorch splits its sums).
 *
 * <p>Why per thread: libtorch keeps the intra-op count in OpenMP's per-thread setting and in MKL's thread-local one,
 * and a thread reads the global count lazily, at its first parallel loop; until then MKL uses its own default (all
 * cores). {@code at::set_num_threads} also turns MKL's dynamic thread choice off, which is otherwise on in a process
 * that never called it.
 */
public final class EngineThreads {

    /**
     * Models below this many parameters decode on one intra-op thread unless a count is configured: their operations
     * are too small for a second thread to pay for its synchronisation. Measured with {@code InferenceThreadsBenchmark}
     * on 2 cores (docs/decisions/0090-serving.md, session 10): 2 threads gave 0.47-0.92x the tokens/s of one at 3.7M
     * to 30M parameters (d=256-768), and the comparison benchmark's decoding used half the CPU per answer with one.
     */
    public static final long SMALL_MODEL_PARAMETERS = 50_000_000L;

    private static volatile int intraOp;
    private static volatile boolean intraOpConfigured;
    private static volatile int trainingIntraOp;

    private EngineThreads() {}

    /**
     * Sets the counts for this process (idempotent for the same values). {@code intraOpThreads} 0 means DJL's
     * {@code ai.djl.pytorch.num_threads} when that is set, else the available processors; {@code interOpThreads} 0
     * leaves PyTorch's inter-op pool as it is (the engine does not use it).
     *
     * @return the inference intra-op count in effect
     */
    public static synchronized int configure(int intraOpThreads, int trainingThreads, int interOpThreads) {
        if (intraOpThreads < 0 || trainingThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("thread counts must be 0 (default) or positive, got intra-op "
                    + intraOpThreads + ", training " + trainingThreads + ", inter-op " + interOpThreads);
        }
        Engine.getEngine("PyTorch");
        int count = intraOpThreads > 0
                ? intraOpThreads
                : Integer.getInteger(
                        "ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
        if (interOpThreads > 0 && JniUtils.getNumInteropThreads() != interOpThreads) {
            try {
                JniUtils.setNumInteropThreads(interOpThreads);
            } catch (RuntimeException e) {
                // PyTorch refuses once its inter-op pool has started; the engine never submits work there
            }
        }
        intraOp = count;
        intraOpConfigured = intraOpThreads > 0 || System.getProperty("ai.djl.pytorch.num_threads") != null;
        trainingIntraOp = trainingThreads > 0 ? trainingThreads : 1;
        set(count);
        return count;
    }

    /** The inference intra-op count set by {@link #configure}, 0 when it was not called in this process. */
    public static int intraOp() {
        return intraOp;
    }

    /** The training intra-op count set by {@link #configure}, 0 when it was not called in this process. */
    public static int trainingIntraOp() {
        return trainingIntraOp;
    }

    /**
     * Gives the calling thread the training count (nothing when none was configured): call it where a training or RL
     * run starts on its worker thread.
     */
    public static void forTraining() {
        int count = trainingIntraOp;
        if (count > 0) {
            set(count);
        }
    }

    /**
     * The intra-op count for serving a model of {@code parameters} parameters: 1 for a model below
     * {@link #SMALL_MODEL_PARAMETERS} when the count was left to its default (0: the available processors), else the
     * inference count; 0 when {@link #configure} was not called (leave the thread as it is).
     */
    public static int inferenceThreadsFor(long parameters) {
        int count = intraOp;
        if (count == 0) {
            return 0;
        }
        return !intraOpConfigured && parameters < SMALL_MODEL_PARAMETERS ? 1 : count;
    }

    /** Gives the calling thread {@code count} intra-op threads (nothing for 0). */
    public static void forInference(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("intra-op count must be 0 (leave as is) or positive, got " + count);
        }
        if (count > 0) {
            set(count);
        }
    }

    /** Gives the calling thread the inference count (nothing when none was configured). */
    public static void forInference() {
        int count = intraOp;
        if (count > 0) {
            set(count);
        }
    }

    private static void set(int count) {
        // reading the count first makes libtorch initialise this thread's setting from the global one now, so that a
        // later change of the global count by another thread cannot reach this thread at its first parallel loop
        JniUtils.getNumThreads();
        JniUtils.setNumThreads(count);
    }
}
