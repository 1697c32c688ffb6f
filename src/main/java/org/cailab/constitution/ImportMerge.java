package org.cailab.constitution;

/**
 * How an imported file becomes a new version of an existing constitution: a file replaces exactly the parts its
 * format can hold, so importing the paper's {@code RLMadisonInstructions.json} swaps the RL principles and keeps
 * everything else.
 */
final class ImportMerge {

    private ImportMerge() {}

    static ConstitutionContent replaceParts(
            ConstitutionContent base, ConstitutionContent imported, ConstitutionFormat format) {
        return switch (format) {
            case CAILAB_YAML -> imported;
            // the bare-list variant of llm-swarm has principles only: then the examples stay
            case LLM_SWARM ->
                new ConstitutionContent(
                        imported.slPrinciples(),
                        base.rlPrinciples(),
                        imported.critiqueExamples().isEmpty() ? base.critiqueExamples() : imported.critiqueExamples(),
                        base.mcExamples(),
                        base.cotExamples());
            case PAPER_SL_PRINCIPLES ->
                new ConstitutionContent(
                        imported.slPrinciples(),
                        base.rlPrinciples(),
                        base.critiqueExamples(),
                        base.mcExamples(),
                        base.cotExamples());
            case PAPER_RL_PRINCIPLES ->
                new ConstitutionContent(
                        base.slPrinciples(),
                        imported.rlPrinciples(),
                        base.critiqueExamples(),
                        base.mcExamples(),
                        base.cotExamples());
            case PAPER_CRITIQUE_EXAMPLES ->
                new ConstitutionContent(
                        base.slPrinciples(),
                        base.rlPrinciples(),
                        imported.critiqueExamples(),
                        base.mcExamples(),
                        base.cotExamples());
            case PAPER_MC_EXAMPLES ->
                new ConstitutionContent(
                        base.slPrinciples(),
                        base.rlPrinciples(),
                        base.critiqueExamples(),
                        imported.mcExamples(),
                        base.cotExamples());
            case PAPER_COT_EXAMPLES ->
                new ConstitutionContent(
                        base.slPrinciples(),
                        base.rlPrinciples(),
                        base.critiqueExamples(),
                        base.mcExamples(),
                        imported.cotExamples());
        };
    }
}
