package org.cailab.constitution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** Import then export reproduces the paper's files, value for value and string for string. */
class PaperFilesRoundTripTest {

    private final ConstitutionImporter importer = new ConstitutionImporter();

    @Test
    void slPrinciples() throws IOException {
        assertRoundTrip(ConstitutionFormat.PAPER_SL_PRINCIPLES, 16);
    }

    @Test
    void rlPrinciples() throws IOException {
        assertRoundTrip(ConstitutionFormat.PAPER_RL_PRINCIPLES, 16);
    }

    @Test
    void critiqueFewShots() throws IOException {
        assertRoundTrip(ConstitutionFormat.PAPER_CRITIQUE_EXAMPLES, 5);
    }

    @Test
    void multipleChoiceFewShots() throws IOException {
        assertRoundTrip(ConstitutionFormat.PAPER_MC_EXAMPLES, 5);
    }

    /**
     * Entries 3 and 4 deviate from the format the other four follow; the importer normalizes them and says
     * so, and export writes the normalized form. Everything else comes back exactly.
     */
    @Test
    void chainOfThoughtFewShotsExceptTheTwoNormalizedEntries() throws IOException {
        Path file = PaperData.prompts().resolve(ConstitutionFormat.PAPER_COT_EXAMPLES.paperFileName());
        JsonNode original = Mappers.JSON.readTree(file.toFile());

        ImportResult result = importer.importFile(file);
        JsonNode exported = ConstitutionExporter.paperFile(result.content(), ConstitutionFormat.PAPER_COT_EXAMPLES);

        assertThat(result.notes())
                .containsExactly(
                        "RLMadisonPrecogFewShotPrompts.json, entry 3: starts with \"\\nHuman:\" instead of \"\\n\\nHuman:\"; normalized",
                        "RLMadisonPrecogFewShotPrompts.json, entry 4: starts with \"Human:\" instead of \"\\n\\nHuman:\"; normalized",
                        "RLMadisonPrecogFewShotPrompts.json, entry 4: asks about \"a human and an assistant\" without the (H)/(A) labels; normalized");
        ArrayNode expected = ((ArrayNode) original).deepCopy();
        String third = expected.get(3).get("prompt").stringValue();
        String fourth = expected.get(4).get("prompt").stringValue();
        ((tools.jackson.databind.node.ObjectNode) expected.get(3)).put("prompt", "\n" + third);
        ((tools.jackson.databind.node.ObjectNode) expected.get(4))
                .put(
                        "prompt",
                        "\n\n"
                                + fourth.replace(
                                        "between a human and an assistant:",
                                        "between a human (H) and an assistant (A):"));
        assertThat(exported).isEqualTo(expected);
        assertThat(result.content().cotExamples())
                .hasSize(6)
                .allSatisfy(example -> assertThat(example.instruction()).isNull());
        assertThat(result.content().cotExamples().getFirst().reasoning()).startsWith("\n(A) This response");
    }

    @Test
    void theWholeDirectoryImportsAsOneConstitution() {
        ImportResult result = importer.importPaperDirectory(PaperData.prompts());

        ConstitutionContent content = result.content();
        assertThat(content.slPrinciples()).hasSize(16);
        assertThat(content.rlPrinciples()).hasSize(16);
        assertThat(content.critiqueExamples()).hasSize(5);
        assertThat(content.mcExamples()).hasSize(5);
        assertThat(content.cotExamples()).hasSize(6);
        assertThat(ConstitutionValidator.validate(content)).isEmpty();
        assertThat(result.notes()).hasSize(3);
        assertThat(content.slPrinciples().getFirst().critiqueRequest())
                .startsWith("Identify specific ways")
                .doesNotContain("CritiqueRequest")
                .doesNotEndWith("Critique:");
        assertThat(content.rlPrinciples().getFirst().instruction())
                .startsWith("Please choose")
                .doesNotEndWith("Options:");
        assertThat(content.mcExamples())
                .extracting(MultipleChoiceExample::correct)
                .containsExactly(Choice.A, Choice.B, Choice.A, Choice.B, Choice.A);
    }

    private void assertRoundTrip(ConstitutionFormat format, int entries) throws IOException {
        Path file = PaperData.prompts().resolve(format.paperFileName());
        JsonNode original = Mappers.JSON.readTree(file.toFile());

        ImportResult result = importer.importFile(file);
        String exported = new ConstitutionExporter().export(result.content(), format);

        assertThat(Mappers.JSON.readTree(exported)).isEqualTo(original);
        assertThat(original.size()).isEqualTo(entries);
        assertThat(result.notes()).isEmpty();
    }
}
