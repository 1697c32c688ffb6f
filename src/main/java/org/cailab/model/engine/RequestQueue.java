package org.cailab.model.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The waiting requests of one model, by class and user: live requests go before pipeline requests; within a class the
 * user served longest ago goes first (users take turns, each in their own submission order); a user the caller says
 * may run no more (their cap of requests in flight) is skipped. Each class holds a bounded number of requests. Not
 * thread-safe: the batcher guards it.
 */
final class RequestQueue<T> {

    /** A waiting item with its class and user. */
    record Entry<T>(T item, Priority priority, String user) {}

    private final Map<Priority, Map<String, ArrayDeque<Entry<T>>>> waiting = new EnumMap<>(Priority.class);
    private final Map<Priority, Integer> bounds = new EnumMap<>(Priority.class);
    private final Map<String, Long> lastServed = new HashMap<>();
    private long served;
    private int size;

    RequestQueue(int maxLive, int maxPipeline) {
        for (Priority p : Priority.values()) {
            waiting.put(p, new LinkedHashMap<>());
        }
        bounds.put(Priority.LIVE, maxLive);
        bounds.put(Priority.PIPELINE, maxPipeline);
    }

    /** Queues an item at the end of its user's queue; false when its class already holds its bound. */
    boolean offer(T item, Priority priority, String user) {
        if (waiting(priority) >= bounds.get(priority)) {
            return false;
        }
        waiting.get(priority).computeIfAbsent(user, u -> new ArrayDeque<>()).addLast(new Entry<>(item, priority, user));
        size++;
        return true;
    }

    /** Puts an item back at the head of its user's queue (a preempted row), regardless of the bound. */
    void offerFirst(T item, Priority priority, String user) {
        waiting.get(priority)
                .computeIfAbsent(user, u -> new ArrayDeque<>())
                .addFirst(new Entry<>(item, priority, user));
        size++;
    }

    /**
     * Removes and returns the next item to run, or null.
     *
     * @param classes the classes to consider, in order
     * @param mayRun whether a user may start another request of a class now
     */
    @Nullable
    Entry<T> poll(List<Priority> classes, BiPredicate<String, Priority> mayRun) {
        for (Priority p : classes) {
            Map<String, ArrayDeque<Entry<T>>> users = waiting.get(p);
            String best = null;
            long bestServed = Long.MAX_VALUE;
            for (var e : users.entrySet()) {
                long when = lastServed.getOrDefault(key(p, e.getKey()), -1L);
                if (when < bestServed && mayRun.test(e.getKey(), p)) {
                    best = e.getKey();
                    bestServed = when;
                }
            }
            if (best != null) {
                ArrayDeque<Entry<T>> queue = users.get(best);
                Entry<T> entry = queue.pollFirst();
                if (queue.isEmpty()) {
                    users.remove(best);
                }
                lastServed.put(key(p, best), served++);
                size--;
                return entry;
            }
        }
        return null;
    }

    /** Drops the items that match (cancelled ones) and returns them. */
    List<T> removeIf(Predicate<T> drop) {
        List<T> removed = new ArrayList<>();
        for (Map<String, ArrayDeque<Entry<T>>> users : waiting.values()) {
            users.values()
                    .forEach(q -> q.removeIf(e -> {
                        if (drop.test(e.item())) {
                            removed.add(e.item());
                            return true;
                        }
                        return false;
                    }));
            users.values().removeIf(ArrayDeque::isEmpty);
        }
        size -= removed.size();
        return removed;
    }

    int waiting(Priority priority) {
        return waiting.get(priority).values().stream()
                .mapToInt(ArrayDeque::size)
                .sum();
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Empties the queue. */
    List<T> drain() {
        return removeIf(t -> true);
    }

    private static String key(Priority p, String user) {
        return p.name() + '\u0000' + user;
    }
}
