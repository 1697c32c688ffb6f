package org.cailab.model.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives memory that libtorch freed back to the operating system. A training step allocates activations and gradients
 * through {@code malloc}; when they are freed, glibc keeps the pages for later allocations unless they sit at the top
 * of a heap, so after a training the process stays as large as its peak (measured: about 850 MB kept after the demo
 * training, README "Memory"). {@code malloc_trim(0)} returns every free page of every arena. It is called when
 * something large ends: a {@link Trainer} closes, a loaded model is unloaded.
 *
 * <p>Linux with glibc only; elsewhere (or with {@code -Dcailab.malloc-trim=false}) {@link #trim} does nothing. The
 * call goes through JNA, which DJL already brings, because the FFM API is final only from Java 22 and we target 21.
 */
public final class NativeMemory {

    private static final Logger log = LoggerFactory.getLogger(NativeMemory.class);

    /** System property that turns the trimming off ({@code false}). */
    public static final String ENABLED_PROPERTY = "cailab.malloc-trim";

    private static final @Nullable CLibrary C = load();

    private NativeMemory() {}

    /** The part of the C library we call. */
    interface CLibrary extends Library {
        int malloc_trim(NativeLong pad);
    }

    private static @Nullable CLibrary load() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            return Native.load("c", CLibrary.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            log.debug("No C library to trim malloc's free memory: {}", e.toString());
            return null;
        }
    }

    /**
     * Returns malloc's free pages to the operating system, unless turned off by {@value #ENABLED_PROPERTY}.
     *
     * @return whether memory was returned
     */
    public static boolean trim() {
        if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
            return false;
        }
        return trimNow();
    }

    /** {@link #trim} regardless of the property (benchmarks compare both). */
    public static boolean trimNow() {
        if (C == null) {
            return false;
        }
        try {
            return C.malloc_trim(new NativeLong(0)) == 1;
        } catch (UnsatisfiedLinkError e) {
            // A C library without malloc_trim (musl): nothing to do.
            return false;
        }
    }

    /** Whether this platform can trim at all (Linux with glibc). */
    public static boolean available() {
        if (C == null) {
            return false;
        }
        try {
            C.malloc_trim(new NativeLong(0));
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
