package org.cailab.constitution;

import java.util.List;
import java.util.stream.Stream;

/**
 * Everything a constitution holds: principles for both phases and the few-shot examples for each
 * prompt format. Immutable; lists keep their order, which is the order runs and exports use.
 *
 * @param slPrinciples     critique/revision principles (SL-CAI)
 * @param rlPrinciples     comparison principles (RL-CAI feedback)
 * @param critiqueExamples few-shot critique/revision dialogues
 * @param mcExamples       few-shot multiple-choice comparisons
 * @param cotExamples      few-shot chain-of-thought comparisons
 */
public record ConstitutionContent(
        List<SlPrinciple> slPrinciples,
        List<RlPrinciple> rlPrinciples,
        List<CritiqueRevisionExample> critiqueExamples,
        List<MultipleChoiceExample> mcExamples,
        List<ChainOfThoughtExample> cotExamples) {

    public ConstitutionContent {
        slPrinciples = List.copyOf(slPrinciples);
        rlPrinciples = List.copyOf(rlPrinciples);
        critiqueExamples = List.copyOf(critiqueExamples);
        mcExamples = List.copyOf(mcExamples);
        cotExamples = List.copyOf(cotExamples);
    }

    /** A constitution with nothing in it. */
    public static ConstitutionContent empty() {
        return new ConstitutionContent(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** This content followed by the other's, list by list; keys are not checked here. */
    public ConstitutionContent plus(ConstitutionContent other) {
        return new ConstitutionContent(
                concat(slPrinciples, other.slPrinciples),
                concat(rlPrinciples, other.rlPrinciples),
                concat(critiqueExamples, other.critiqueExamples),
                concat(mcExamples, other.mcExamples),
                concat(cotExamples, other.cotExamples));
    }

    /** The SL principles that runs may draw. */
    public List<SlPrinciple> enabledSlPrinciples() {
        return slPrinciples.stream().filter(SlPrinciple::enabled).toList();
    }

    /** The RL principles that runs may draw. */
    public List<RlPrinciple> enabledRlPrinciples() {
        return rlPrinciples.stream().filter(RlPrinciple::enabled).toList();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
