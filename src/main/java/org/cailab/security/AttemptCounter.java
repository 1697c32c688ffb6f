package org.cailab.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts attempts per key (an address, an account name) in fixed windows: once a key has {@code max} attempts in
 * its current window it is refused until the window ends. In memory, so per instance; the map is pruned of ended
 * windows when it grows, so a flood of distinct keys cannot grow it without bound for longer than one window.
 */
public final class AttemptCounter {

    private static final int PRUNE_ABOVE = 10_000;

    private record Window(Instant start, int count) {}

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public AttemptCounter(int max, Duration window, Clock clock) {
        if (max < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("An attempt limit needs max >= 1 and a positive window");
        }
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** Counts an attempt; false when the key has used up its window (the attempt is then not counted). */
    public boolean tryAcquire(String key) {
        Instant now = clock.instant();
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        }
        boolean[] allowed = new boolean[1];
        windows.compute(key, (k, w) -> {
            if (w == null || !now.isBefore(w.start().plus(window))) {
                allowed[0] = true;
                return new Window(now, 1);
            }
            allowed[0] = w.count() < max;
            return allowed[0] ? new Window(w.start(), w.count() + 1) : w;
        });
        return allowed[0];
    }

    /** Counts a failure without asking; used where the attempt has already happened (a wrong password). */
    public void record(String key) {
        tryAcquire(key);
    }

    /** Whether the key is refused now, without counting. */
    public boolean isBlocked(String key) {
        Window w = windows.get(key);
        return w != null
                && w.count() >= max
                && clock.instant().isBefore(w.start().plus(window));
    }

    /** Forgets the key (after a successful sign-in). */
    public void reset(String key) {
        windows.remove(key);
    }
}
