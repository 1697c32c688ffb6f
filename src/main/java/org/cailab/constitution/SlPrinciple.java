package org.cailab.constitution;

import java.util.Objects;

/**
 * A supervised-learning (SL-CAI) principle: a request to critique the assistant's last response and a
 * request to revise it accordingly.
 *
 * @param key             stable identifier, unique within a constitution (the paper's {@code harmful0}...)
 * @param critiqueRequest the bare request text, without the {@code "\n\nCritiqueRequest: "} framing
 * @param revisionRequest the bare request text, without the {@code "\n\nRevisionRequest: "} framing
 * @param enabled         whether runs draw this principle
 */
public record SlPrinciple(String key, String critiqueRequest, String revisionRequest, boolean enabled) {

    public SlPrinciple {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(critiqueRequest, "critiqueRequest");
        Objects.requireNonNull(revisionRequest, "revisionRequest");
    }
}
