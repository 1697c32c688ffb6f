package org.cailab.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AttemptCounterTest {

    /** A clock the test moves by hand, so that windows end without waiting. */
    static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aKeyIsRefusedAfterMaxAttemptsUntilItsWindowEnds() {
        HandClock clock = new HandClock();
        AttemptCounter counter = new AttemptCounter(3, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(counter.tryAcquire("a")).isTrue();
        }
        assertThat(counter.tryAcquire("a")).isFalse();
        assertThat(counter.isBlocked("a")).isTrue();
        assertThat(counter.tryAcquire("b")).as("other keys are independent").isTrue();
        clock.advance(Duration.ofMinutes(9));
        assertThat(counter.isBlocked("a")).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(counter.isBlocked("a")).isFalse();
        assertThat(counter.tryAcquire("a")).isTrue();
    }

    @Test
    void resetForgetsTheKey() {
        AttemptCounter counter = new AttemptCounter(1, Duration.ofMinutes(10), new HandClock());
        counter.record("a");
        assertThat(counter.isBlocked("a")).isTrue();
        counter.reset("a");
        assertThat(counter.isBlocked("a")).isFalse();
    }
}
