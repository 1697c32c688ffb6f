package org.cailab.crowdwork;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How a worker's page follows a turn's generation, for every task type: while the turn is generating, (re)start it
 * (a no-op while it is under way; a restart of the app cut it off otherwise) and subscribe; when it has ended, or
 * ends before the subscription, report its stored outcome at once.
 */
public final class LiveFollow {

    private LiveFollow() {}

    /**
     * @param turn       the turn as stored now
     * @param generating whether a stored turn is still being generated
     * @param start      starts its generation unless that is under way
     * @param subscribe  follows the generation; empty when it is not under way (any more)
     * @param reread     the turn as stored after the generation ended
     * @param ended      reports an ended (or cut-off) turn's outcome to the listener
     * @param none       the subscription to return when the outcome was reported at once
     */
    public static <T, S> S follow(
            T turn,
            Predicate<T> generating,
            Consumer<T> start,
            Supplier<Optional<S>> subscribe,
            Supplier<T> reread,
            Consumer<T> ended,
            S none) {
        T current = turn;
        if (generating.test(current)) {
            start.accept(current);
            Optional<S> live = subscribe.get();
            if (live.isPresent()) {
                return live.get();
            }
            current = reread.get();
        }
        ended.accept(current);
        return none;
    }
}
