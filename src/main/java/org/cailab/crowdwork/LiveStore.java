package org.cailab.crowdwork;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The task type's side of a live turn: where its answers are stored. Called on a streaming thread, outside any
 * request, so implementations run their own transaction and never call role-checked services (the turn was
 * authorised when it was created).
 */
public interface LiveStore {

    /**
     * Stores the finished answers (raw model text, in the order of the turn's {@link LiveAnswer}s).
     *
     * @return the answers as the worker sees them, or a failure when the turn is no longer current
     */
    LiveOutcome store(List<String> texts);

    /** Records that the turn failed; {@code reason} is short and meant for researchers (for example "the model is busy"). */
    void fail(String reason);

    /** A store from its two operations. */
    static LiveStore of(Function<List<String>, LiveOutcome> store, Consumer<String> fail) {
        return new LiveStore() {
            @Override
            public LiveOutcome store(List<String> texts) {
                return store.apply(texts);
            }

            @Override
            public void fail(String reason) {
                fail.accept(reason);
            }
        };
    }
}
