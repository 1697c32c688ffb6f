package org.cailab.comparison;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The two answers of one turn while they are generated. Model threads only append (cheap, never blocked by a
 * page); the streaming thread delivers the text to listeners at a fixed pace, so a fast model cannot flood the
 * browser and a slow page cannot slow the model.
 */
final class LiveTurn {

    /** How a turn ended: both answers (ready) or a message (failed). */
    record Outcome(
            @Nullable String answerA,
            @Nullable String answerB,
            @Nullable String failure) {}

    final long turnId;
    private final StringBuilder textA = new StringBuilder();
    private final StringBuilder textB = new StringBuilder();
    private final List<Delivery> listeners = new CopyOnWriteArrayList<>();
    private @Nullable Outcome outcome;

    LiveTurn(long turnId) {
        this.turnId = turnId;
    }

    synchronized void append(Side side, String delta) {
        (side == Side.A ? textA : textB).append(delta);
    }

    /** Registers a listener; it gets the text so far on the next delivery, or the outcome when already ended. */
    AnswerSubscription subscribe(AnswerListener listener) {
        Delivery delivery = new Delivery(listener);
        listeners.add(delivery);
        return () -> listeners.remove(delivery);
    }

    /** Sends new text to every listener; called by the streaming thread only. */
    void deliverText() {
        String a;
        String b;
        Outcome ended;
        synchronized (this) {
            a = textA.toString();
            b = textB.toString();
            ended = outcome;
        }
        for (Delivery delivery : listeners) {
            try {
                delivery.text(Side.A, a);
                delivery.text(Side.B, b);
                if (ended != null) {
                    delivery.end(turnId, ended);
                }
            } catch (RuntimeException e) {
                // a page that went away: it must not stop the others from getting their text
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

    /** One listener and what it has already been sent, so that it never gets the same text or the end twice. */
    private static final class Delivery {
        private final AnswerListener listener;
        private String sentA = "";
        private String sentB = "";
        private boolean ended;

        Delivery(AnswerListener listener) {
            this.listener = listener;
        }

        synchronized void text(Side side, String text) {
            if (ended || text.equals(side == Side.A ? sentA : sentB)) {
                return;
            }
            if (side == Side.A) {
                sentA = text;
            } else {
                sentB = text;
            }
            listener.onText(side, text);
        }

        synchronized void end(long turnId, Outcome outcome) {
            if (ended) {
                return;
            }
            ended = true;
            if (outcome.failure() != null) {
                listener.onFailed(turnId, outcome.failure());
            } else {
                listener.onReady(turnId, outcome.answerA(), outcome.answerB());
            }
        }
    }
}
