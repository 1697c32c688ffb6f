package org.cailab.training;

import java.util.List;

/**
 * Where preference-model training reads its labelled pairs: the preference-pair store of the feedback module
 * ({@code PreferencePairService}), adapted by a bean that implements this. Kept as a small port so that training
 * depends on the few fields it needs, not on the store's layout.
 */
interface PreferencePairs {

    /**
     * Which pairs to train on.
     *
     * @param task   {@code HARMLESSNESS} or {@code HELPFULNESS}
     * @param source the pair source ({@code AI_FEEDBACK}, {@code HUMAN_IMPORT}, {@code CROWD_VOTE}...)
     * @param runIds pairs written by these runs (sampled pairs, AI labels) or imports; empty: all of the source
     */
    record Selection(String task, String source, List<Long> runIds) {
        public Selection {
            runIds = List.copyOf(runIds);
        }
    }

    /**
     * A labelled pair as the PM reads it.
     *
     * @param conversation the transcript ending in {@code "\n\nAssistant:"}
     * @param responseA    the first response (continuing the transcript, with its leading space)
     * @param responseB    the second response
     * @param probabilityA the label: the probability that A is better
     */
    record Labelled(long id, String conversation, String responseA, String responseB, double probabilityA) {}

    /** The labelled pairs of a selection, in a stable order (by id). */
    List<Labelled> pairs(Selection selection);
}
