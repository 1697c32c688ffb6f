package org.cailab.redteam;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cailab.comparison.Transcript;
import org.jspecify.annotations.Nullable;

/**
 * The answer of one turn while it is generated. The model thread only appends (cheap, never blocked by a page); the
 * streaming thread delivers the text to listeners at a fixed pace, so a fast model cannot flood the browser and a
 * slow page cannot slow the model (the comparison feature's pattern, for one answer).
 */
final class LiveReply {

    /** How a turn ended: the answer (ready) or a message (failed). */
    record Outcome(@Nullable String answer, @Nullable String failure) {}

    final long turnId;
    private final StringBuilder text = new StringBuilder();
    private final List<Delivery> listeners = new CopyOnWriteArrayList<>();
    private @Nullable Outcome outcome;

    LiveReply(long turnId) {
        this.turnId = turnId;
    }

    synchronized void append(String delta) {
        text.append(delta);
    }

    ReplySubscription subscribe(ReplyListener listener) {
        Delivery delivery = new Delivery(listener);
        listeners.add(delivery);
        return () -> listeners.remove(delivery);
    }

    /** Sends new text (and the outcome once there is one) to every listener; called by the streaming thread only. */
    void deliver() {
        String soFar;
        Outcome ended;
        synchronized (this) {
            soFar = Transcript.answer(text.toString());
            ended = outcome;
        }
        for (Delivery delivery : listeners) {
            try {
                delivery.text(soFar);
                if (ended != null) {
                    delivery.end(turnId, ended);
                }
            } catch (RuntimeException e) {
                // a page that went away must not stop the others from getting their text
                listeners.remove(delivery);
            }
        }
    }

    synchronized void end(Outcome ended) {
        outcome = ended;
    }

    synchronized boolean ended() {
        return outcome != null;
    }

    /** One listener and what it was already sent, so that it never gets the same text or the end twice. */
    private static final class Delivery {
        private final ReplyListener listener;
        private String sent = "";
        private boolean ended;

        Delivery(ReplyListener listener) {
            this.listener = listener;
        }

        synchronized void text(String soFar) {
            if (!ended && !soFar.equals(sent)) {
                sent = soFar;
                listener.onText(soFar);
            }
        }

        synchronized void end(long turnId, Outcome outcome) {
            if (ended) {
                return;
            }
            ended = true;
            if (outcome.failure() != null) {
                listener.onFailed(turnId, outcome.failure());
            } else {
                listener.onReady(turnId, String.valueOf(outcome.answer()));
            }
        }
    }
}
