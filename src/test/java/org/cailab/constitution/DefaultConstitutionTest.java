package org.cailab.constitution;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped default constitution loads through the importer, is complete and valid, and round-trips. */
class DefaultConstitutionTest {

    private static final Path DEFAULT = Path.of("constitution/default.yaml");

    @Test
    void loadsWithTheExpectedCountsAndNoProblems() {
        ImportResult result = new ConstitutionImporter().importFile(DEFAULT);

        ConstitutionContent content = result.content();
        assertThat(content.slPrinciples()).hasSize(16).allMatch(SlPrinciple::enabled);
        assertThat(content.rlPrinciples()).hasSize(16).allMatch(RlPrinciple::enabled);
        assertThat(content.critiqueExamples()).hasSize(3);
        assertThat(content.mcExamples()).hasSize(3);
        assertThat(content.cotExamples()).hasSize(2);
        assertThat(ConstitutionValidator.validate(content)).isEmpty();
        assertThat(result.notes()).isEmpty();
        assertThat(content.rlPrinciples()).allSatisfy(p -> assertThat(p.instruction()).startsWith("Which of these"));
    }

    @Test
    void itsExamplesRenderAndParseBack() {
        ConstitutionContent content = new ConstitutionImporter().importFile(DEFAULT).content();

        for (CritiqueRevisionExample example : content.critiqueExamples()) {
            assertThat(PromptFormats.parseCritiqueRevisionExample(PromptFormats.critiqueRevisionExample(example)))
                    .isEqualTo(example);
        }
        String instruction = content.rlPrinciples().getFirst().instruction();
        for (ChainOfThoughtExample example : content.cotExamples()) {
            ChainOfThoughtExample parsed = PromptFormats.parseChainOfThoughtExample(
                    PromptFormats.chainOfThoughtExample(example, instruction));
            assertThat(parsed.reasoning()).isEqualTo(example.reasoning());
            assertThat(parsed.conversation()).isEqualTo(example.conversation());
        }
        for (MultipleChoiceExample example : content.mcExamples()) {
            assertThat(PromptFormats.parseMultipleChoice(PromptFormats.multipleChoiceQuestion(example.question(instruction))))
                    .isEqualTo(example.question(instruction));
        }
    }

    @Test
    void exportsAndReimportsUnchanged() {
        ConstitutionContent content = new ConstitutionImporter().importFile(DEFAULT).content();

        String yaml = new ConstitutionExporter().export(content, ConstitutionFormat.CAILAB_YAML);

        assertThat(new ConstitutionImporter().importText("default.yaml", yaml, null).content()).isEqualTo(content);
    }
}
