package org.cailab.crowdwork;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a live turn ended: its answers as stored (ready) or a message meant for the worker (failed).
 *
 * @param answers the stored answers, in the order the turn asked for them; empty when failed
 * @param failure the worker's message; null when ready
 */
public record LiveOutcome(List<String> answers, @Nullable String failure) {

    public LiveOutcome {
        answers = List.copyOf(answers);
    }

    public static LiveOutcome ready(List<String> answers) {
        return new LiveOutcome(answers, null);
    }

    public static LiveOutcome failed(String message) {
        return new LiveOutcome(List.of(), message);
    }
}
