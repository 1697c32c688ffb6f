package org.cailab.model.engine;

/**
 * Receives a generation as it happens, on the generating thread: keep it quick. Text that might be the start of a
 * stop sequence (or half a UTF-8 character) is held back until it is known not to be, so the deltas concatenate to
 * exactly {@link Generation#text()}.
 */
@FunctionalInterface
public interface TokenStreamListener {

    /**
     * @param tokenId the sampled token (an end-of-sequence token is not reported)
     * @param textDelta newly settled text, often empty
     */
    void onToken(long tokenId, String textDelta);
}
