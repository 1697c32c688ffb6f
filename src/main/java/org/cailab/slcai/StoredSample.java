package org.cailab.slcai;

/**
 * A sample as an SL-CAI run stored it.
 *
 * @param seq     the item's position in the run
 * @param itemKey the item's key, for example {@code chain-000042}
 */
public record StoredSample(int seq, String itemKey, SlCaiSample sample) {}
