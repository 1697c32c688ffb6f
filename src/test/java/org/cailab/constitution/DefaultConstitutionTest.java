package org.cailab.constitution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The shipped default constitution loads through the importer, is complete and valid, and round-trips. */
class DefaultConstitutionTest {

    private static final Path DEFAULT = Path.of("constitution/default.yaml");

    @Test
    void loadsWithTheExpectedCountsAndNoProblems() {
        ImportResult result = new ConstitutionImporter().importFile(DEFAULT);

        ConstitutionContent content = result.content();
        assertThat(content.enabledSlPrinciples()).hasSize(16);
        assertThat(content.rlPrinciples()).filteredOn(RlPrinciple::enabled).hasSize(16);
        // as many few-shots as the paper has
        assertThat(content.critiqueExamples())
                .hasSize(5)
                .allSatisfy(e -> assertThat(e.rounds()).hasSize(1));
        assertThat(content.mcExamples()).hasSize(5);
        assertThat(content.cotExamples()).hasSize(6);
        assertThat(ConstitutionValidator.validate(content)).isEmpty();
        assertThat(result.notes()).isEmpty();
        assertThat(content.rlPrinciples())
                .allSatisfy(p -> assertThat(p.instruction()).startsWith("Which of these"));
    }

    @Test
    void someCritiqueExamplesLeaveAGoodResponseUnchangedAndOthersRevise() {
        ConstitutionContent content =
                new ConstitutionImporter().importFile(DEFAULT).content();

        List<CritiqueRevisionExample> unchanged = content.critiqueExamples().stream()
                .filter(e -> e.rounds()
                        .getFirst()
                        .revision()
                        .equals(e.conversation().lastTurn().text()))
                .toList();
        assertThat(unchanged).hasSizeBetween(1, 3);
        // the paper ends most examples with "\n\nHuman:" and one without
        assertThat(content.critiqueExamples())
                .anyMatch(CritiqueRevisionExample::endsWithHumanMarker)
                .anyMatch(e -> !e.endsWithHumanMarker());
    }

    @Test
    void theReadmeMapsEveryPrincipleOntoOneOfThePapersOrCallsItAnAddition() throws IOException {
        ConstitutionContent content =
                new ConstitutionImporter().importFile(DEFAULT).content();
        Map<String, String> slMapping = mapping("our SL key");
        Map<String, String> rlMapping = mapping("our RL key");
        Map<String, String> additions = mapping("our key");

        // the 16 enabled SL principles are the counterparts of harmful0..harmful15, one each
        assertThat(content.enabledSlPrinciples())
                .extracting(SlPrinciple::key)
                .containsExactlyInAnyOrderElementsOf(slMapping.keySet());
        assertThat(slMapping.values())
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 16).mapToObj(i -> "harmful" + i).toList());
        assertThat(content.rlPrinciples())
                .filteredOn(RlPrinciple::enabled)
                .extracting(RlPrinciple::key)
                .containsExactlyInAnyOrderElementsOf(rlMapping.keySet());
        assertThat(rlMapping.values())
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 16).mapToObj(i -> "rl" + i).toList());
        // everything else is a disabled addition that the README names
        assertThat(content.slPrinciples())
                .filteredOn(p -> !p.enabled())
                .extracting(SlPrinciple::key)
                .allSatisfy(key -> assertThat(additions).containsKey(key));
        assertThat(content.rlPrinciples())
                .filteredOn(p -> !p.enabled())
                .extracting(RlPrinciple::key)
                .allSatisfy(key -> assertThat(additions).containsKey(key));
    }

    @Test
    void racismSexismAndToxicityAreNamedAsOftenAsInThePaper() {
        ConstitutionContent ours =
                new ConstitutionImporter().importFile(DEFAULT).content();
        ConstitutionContent paper = new ConstitutionImporter()
                .importFile(PaperData.file("prompts/CritiqueRevisionInstructions.json"))
                .content();

        assertThat(namingSocialHarms(ours)).isEqualTo(namingSocialHarms(paper)).isEqualTo(6);
    }

    private static long namingSocialHarms(ConstitutionContent content) {
        return content.enabledSlPrinciples().stream()
                .map(p -> (p.critiqueRequest() + " " + p.revisionRequest()).toLowerCase())
                .filter(t -> t.contains("racis") || t.contains("sexis") || t.contains("toxic"))
                .count();
    }

    /** The README table whose first header cell is {@code header}: backticked key -> second column. */
    private static Map<String, String> mapping(String header) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("constitution/README.md"));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| " + header + " |")) {
                start = i + 2;
            }
        }
        assertThat(start)
                .as("table \"" + header + "\" in constitution/README.md")
                .isPositive();
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = start; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            String key = cells[1].strip().replace("`", "");
            rows.merge(key, cells[2].strip(), (a, b) -> a + "," + b);
        }
        return rows;
    }

    @Test
    void itsExamplesRenderAndParseBack() {
        ConstitutionContent content =
                new ConstitutionImporter().importFile(DEFAULT).content();

        for (CritiqueRevisionExample example : content.critiqueExamples()) {
            assertThat(PromptFormats.parseCritiqueRevisionExample(PromptFormats.critiqueRevisionExample(example)))
                    .isEqualTo(example);
        }
        String instruction = content.rlPrinciples().getFirst().instruction();
        for (ChainOfThoughtExample example : content.cotExamples()) {
            ChainOfThoughtExample parsed =
                    PromptFormats.parseChainOfThoughtExample(PromptFormats.chainOfThoughtExample(example, instruction));
            assertThat(parsed.reasoning()).isEqualTo(example.reasoning());
            assertThat(parsed.conversation()).isEqualTo(example.conversation());
        }
        for (MultipleChoiceExample example : content.mcExamples()) {
            assertThat(PromptFormats.parseMultipleChoice(
                            PromptFormats.multipleChoiceQuestion(example.question(instruction))))
                    .isEqualTo(example.question(instruction));
        }
    }

    @Test
    void exportsAndReimportsUnchanged() {
        ConstitutionContent content =
                new ConstitutionImporter().importFile(DEFAULT).content();

        String yaml = new ConstitutionExporter().export(content, ConstitutionFormat.CAILAB_YAML);

        assertThat(new ConstitutionImporter()
                        .importText("default.yaml", yaml, null)
                        .content())
                .isEqualTo(content);
    }
}
