package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestQueueTest {

    private static final List<Priority> BOTH = List.of(Priority.LIVE, Priority.PIPELINE);

    @Test
    void liveGoesFirstAndUsersTakeTurnsWithinAClass() {
        RequestQueue<String> queue = new RequestQueue<>(10, 10);
        queue.offer("p1", Priority.PIPELINE, "run");
        queue.offer("a1", Priority.LIVE, "alice");
        queue.offer("a2", Priority.LIVE, "alice");
        queue.offer("a3", Priority.LIVE, "alice");
        queue.offer("b1", Priority.LIVE, "bob");
        queue.offer("b2", Priority.LIVE, "bob");
        queue.offer("q1", Priority.PIPELINE, "other-run");
        queue.offer("p2", Priority.PIPELINE, "run");
        assertThat(drain(queue, (u, p) -> true)).containsExactly("a1", "b1", "a2", "b2", "a3", "p1", "q1", "p2");
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void aUserAtTheirCapIsSkippedUntilARequestFinishes() {
        RequestQueue<String> queue = new RequestQueue<>(10, 10);
        queue.offer("a1", Priority.LIVE, "alice");
        queue.offer("a2", Priority.LIVE, "alice");
        queue.offer("a3", Priority.LIVE, "alice");
        queue.offer("b1", Priority.LIVE, "bob");
        Map<String, Integer> inFlight = new HashMap<>();
        List<String> started = new ArrayList<>();
        RequestQueue.Entry<String> e;
        while ((e = queue.poll(BOTH, (u, p) -> inFlight.getOrDefault(u, 0) < 2)) != null) {
            started.add(e.item());
            inFlight.merge(e.user(), 1, Integer::sum);
        }
        assertThat(started).containsExactly("a1", "b1", "a2");
        assertThat(queue.size()).isEqualTo(1);
        inFlight.put("alice", 1); // one of alice's answers finished
        assertThat(queue.poll(BOTH, (u, p) -> inFlight.getOrDefault(u, 0) < 2).item())
                .isEqualTo("a3");
    }

    @Test
    void eachClassHoldsABoundedNumberAndARequeuedRowGoesFirst() {
        RequestQueue<String> queue = new RequestQueue<>(2, 1);
        assertThat(queue.offer("a", Priority.LIVE, "u")).isTrue();
        assertThat(queue.offer("b", Priority.LIVE, "v")).isTrue();
        assertThat(queue.offer("c", Priority.LIVE, "w")).isFalse();
        assertThat(queue.offer("p", Priority.PIPELINE, "run")).isTrue();
        assertThat(queue.offer("q", Priority.PIPELINE, "run")).isFalse();
        queue.offerFirst("preempted", Priority.PIPELINE, "run");
        assertThat(queue.removeIf(s -> s.equals("b"))).containsExactly("b");
        assertThat(drain(queue, (u, p) -> true)).containsExactly("a", "preempted", "p");
    }

    private static List<String> drain(
            RequestQueue<String> queue, java.util.function.BiPredicate<String, Priority> mayRun) {
        List<String> out = new ArrayList<>();
        RequestQueue.Entry<String> e;
        while ((e = queue.poll(BOTH, mayRun)) != null) {
            out.add(e.item());
        }
        return out;
    }
}
