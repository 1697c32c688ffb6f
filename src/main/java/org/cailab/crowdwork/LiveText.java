package org.cailab.crowdwork;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The answers of one turn while they are generated. Model threads only append (cheap, never blocked by a page); the
 * streaming thread delivers the text to listeners at a fixed pace, so a fast model cannot flood the browser and a
 * slow page cannot slow the model.
 */
final class LiveText {

    final long turnId;
    private final StringBuilder[] texts;
    private final UnaryOperator<String> shown;
    private final List<Delivery> listeners = new CopyOnWriteArrayList<>();
    private @Nullable LiveOutcome outcome;

    /** @param shown what a page sees of the text so far (the task type's choice: raw or cleaned) */
    LiveText(long turnId, int answers, UnaryOperator<String> shown) {
        this.turnId = turnId;
        this.texts = new StringBuilder[answers];
        Arrays.setAll(texts, i -> new StringBuilder());
        this.shown = shown;
    }

    synchronized void append(int answer, String delta) {
        texts[answer].append(delta);
    }

    /** Registers a listener; it gets the text so far on the next delivery, or the outcome when already ended. */
    LiveSubscription subscribe(LiveListener listener) {
        Delivery delivery = new Delivery(listener, texts.length);
        listeners.add(delivery);
        return () -> listeners.remove(delivery);
    }

    /** Sends new text (and the outcome once there is one) to every listener; called by the streaming thread only. */
    void deliver() {
        String[] soFar = new String[texts.length];
        LiveOutcome ended;
        synchronized (this) {
            for (int i = 0; i < texts.length; i++) {
                soFar[i] = shown.apply(texts[i].toString());
            }
            ended = outcome;
        }
        for (Delivery delivery : listeners) {
            try {
                delivery.texts(soFar);
                if (ended != null) {
                    delivery.end(turnId, ended);
                }
            } catch (RuntimeException e) {
                // a page that went away must not stop the others from getting their text
                listeners.remove(delivery);
            }
        }
    }

    synchronized void end(LiveOutcome ended) {
        outcome = ended;
    }

    synchronized boolean ended() {
        return outcome != null;
    }

    /** One listener and what it was already sent, so that it never gets the same text or the end twice. */
    private static final class Delivery {
        private final LiveListener listener;
        private final String[] sent;
        private boolean ended;

        Delivery(LiveListener listener, int answers) {
            this.listener = listener;
            this.sent = new String[answers];
            Arrays.fill(sent, "");
        }

        /** Sends the answers whose text changed, together. */
        synchronized void texts(String[] soFar) {
            if (ended) {
                return;
            }
            SortedMap<Integer, String> changed = new TreeMap<>();
            for (int i = 0; i < soFar.length; i++) {
                if (!soFar[i].equals(sent[i])) {
                    sent[i] = soFar[i];
                    changed.put(i, soFar[i]);
                }
            }
            if (!changed.isEmpty()) {
                listener.onTexts(Collections.unmodifiableSortedMap(changed));
            }
        }

        synchronized void end(long turnId, LiveOutcome outcome) {
            if (ended) {
                return;
            }
            ended = true;
            if (outcome.failure() != null) {
                listener.onFailed(turnId, outcome.failure());
            } else {
                listener.onReady(turnId, outcome.answers());
            }
        }
    }
}
