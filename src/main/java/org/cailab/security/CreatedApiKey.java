package org.cailab.security;

/**
 * A new API key with its secret, which is shown this once and stored only as a hash.
 *
 * @param secret what scripts send as {@code Authorization: Bearer <secret>} or {@code X-API-Key: <secret>}
 */
public record CreatedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "CreatedApiKey[key=" + key + ", secret=<hidden>]";
    }
}
