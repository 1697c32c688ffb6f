package org.cailab.model.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's CPU thread counts, set explicitly so that every process of the app (and every thread in it that trains or
 * samples) computes with the same ones: a run resumed in a new process must repeat the float sums of the process that
 * was killed ({@code docs/decisions/0150-cross-process-determinism.md}).
 *
 * <p>Why per thread: libtorch keeps the intra-op count in OpenMP's per-thread setting and in MKL's thread-local one;
 * {@code at::set_num_threads} also turns MKL's dynamic thread choice off, which is otherwise on in a process that never
 * called it. A thread that never called it picks the global count up lazily at its first parallel loop only, so the
 * engine applies the count itself where a training step or a rollout starts.
 */
public final class EngineThreads {

    private static volatile int intraOp;

    private EngineThreads() {}

    /**
     * Sets the counts for this process (idempotent for the same values). {@code intraOp} 0 means DJL's
     * {@code ai.djl.pytorch.num_threads} when that is set, else the available processors; {@code interOp} 0 leaves
     * PyTorch's inter-op pool as it is (the engine does not use it).
     *
     * @return the intra-op count in effect
     */
    public static synchronized int configure(int intraOpThreads, int interOpThreads) {
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("thread counts must be 0 (default) or positive, got intra-op "
                    + intraOpThreads + ", inter-op " + interOpThreads);
        }
        Engine.getEngine("PyTorch");
        int count = intraOpThreads > 0 ? intraOpThreads
                : Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
        if (interOpThreads > 0 && JniUtils.getNumInteropThreads() != interOpThreads) {
            try {
                JniUtils.setNumInteropThreads(interOpThreads);
            } catch (RuntimeException e) {
                // PyTorch refuses once its inter-op pool has started; the engine never submits work there
            }
        }
        intraOp = count;
        JniUtils.setNumThreads(count);
        return count;
    }

    /** The intra-op count set by {@link #configure}, 0 when it was not called in this process. */
    public static int intraOp() {
        return intraOp;
    }

    /** Applies the configured intra-op count to the calling thread (nothing when none was configured). */
    public static void applyToCurrentThread() {
        int count = intraOp;
        if (count > 0) {
            JniUtils.setNumThreads(count);
        }
    }
}
