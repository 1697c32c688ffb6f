package org.cailab.redteam;

import java.util.List;

/**
 * One prompt of a harm evaluation (the run item's input and, with its samples, its stored output).
 *
 * @param position     the prompt's position in its set
 * @param conversation the prompt in the paper's format, ending in {@code "\n\nAssistant:"}
 * @param samples      every snapshot's scored samples (empty in the input)
 */
public record HarmEvalItem(int position, String conversation, List<HarmEvalSample> samples) {

    public HarmEvalItem {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }
}
