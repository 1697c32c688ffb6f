package org.cailab.feedback;

import java.util.List;
import java.util.Objects;
import org.cailab.constitution.RlPrinciple;

/**
 * The principles of one question of a label: the question's own and one per few-shot example.
 *
 * @param principle          the principle the question is asked under
 * @param fewShotPrinciples  one per few-shot example, in order: drawn independently of the question's, or the
 *                           question's own again when few-shots follow the question
 */
public record PrincipleDraw(RlPrinciple principle, List<RlPrinciple> fewShotPrinciples) {

    public PrincipleDraw {
        Objects.requireNonNull(principle, "principle");
        fewShotPrinciples = List.copyOf(fewShotPrinciples);
    }

    public List<String> fewShotKeys() {
        return fewShotPrinciples.stream().map(RlPrinciple::key).toList();
    }

    public List<String> fewShotInstructions() {
        return fewShotPrinciples.stream().map(RlPrinciple::instruction).toList();
    }
}
