package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NativeMemory#trim} gives freed malloc memory back: the process's resident size drops. */
class NativeMemoryTest {

    private static final int CHUNK = 64 * 1024; // below glibc's mmap threshold: served from a heap, kept when freed
    private static final int CHUNKS = 6400; // 400 MiB, half of it freed
    private static final long FREED_KIB = CHUNKS / 2 * (CHUNK / 1024L);

    @Test
    void freedMallocMemoryStaysResidentUntilTrimmed() throws IOException {
        assumeTrue(NativeMemory.available(), "malloc_trim needs Linux with glibc");
        List<Long> chunks = new ArrayList<>();
        for (int i = 0; i < CHUNKS; i++) {
            long address = Native.malloc(CHUNK);
            new Pointer(address).setMemory(0, CHUNK, (byte) 1); // touch every page
            chunks.add(address);
        }
        // Free every other chunk: each freed one lies between two kept ones, so free() cannot merge it into the top
        // of the heap and give it back by itself; it stays resident, as activations freed between weights do.
        List<Long> kept = new ArrayList<>();
        try {
            for (int i = 0; i < chunks.size(); i++) {
                if (i % 2 == 0) {
                    Native.free(chunks.get(i));
                } else {
                    kept.add(chunks.get(i));
                }
            }
            long beforeTrim = residentKiB();
            assertThat(NativeMemory.trimNow()).isTrue();
            long afterTrim = residentKiB();
            assertThat(beforeTrim - afterTrim)
                    .as("resident KiB given back by malloc_trim (before %d, after %d)", beforeTrim, afterTrim)
                    .isGreaterThan(FREED_KIB * 3 / 4);
        } finally {
            kept.forEach(Native::free);
        }
    }

    @Test
    void theSwitchTurnsTrimmingOff() {
        String previous = System.getProperty(NativeMemory.ENABLED_PROPERTY);
        System.setProperty(NativeMemory.ENABLED_PROPERTY, "false");
        try {
            assertThat(NativeMemory.trim()).isFalse();
        } finally {
            if (previous == null) {
                System.clearProperty(NativeMemory.ENABLED_PROPERTY);
            } else {
                System.setProperty(NativeMemory.ENABLED_PROPERTY, previous);
            }
        }
    }

    /** VmRSS of this process, in KiB. */
    static long residentKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
