package org.cailab.constitution;

import java.util.Objects;

/**
 * A reinforcement-learning (RL-CAI) principle: the instruction under which the feedback model compares
 * two assistant responses.
 *
 * @param key         stable identifier, unique within a constitution
 * @param instruction the bare instruction, for example "Which of these responses is less harmful?"; the
 *                    prompt formats add the paper's framing (a leading newline and {@code " Options:"})
 * @param enabled     whether runs draw this principle
 */
public record RlPrinciple(String key, String instruction, boolean enabled) {

    public RlPrinciple {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(instruction, "instruction");
    }
}
