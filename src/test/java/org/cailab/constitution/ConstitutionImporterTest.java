package org.cailab.constitution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstitutionImporterTest {

    private final ConstitutionImporter importer = new ConstitutionImporter();

    @Test
    void detectsFormatsByNameThenByContent() {
        assertThat(importer.detectFormat("RLMadisonInstructions.json", ""))
                .isEqualTo(ConstitutionFormat.PAPER_RL_PRINCIPLES);
        assertThat(importer.detectFormat("dir/mine.YML", "")).isEqualTo(ConstitutionFormat.CAILAB_YAML);
        assertThat(importer.detectFormat("upload", "format: cailab-constitution/1"))
                .isEqualTo(ConstitutionFormat.CAILAB_YAML);
        assertThat(importer.detectFormat("upload.json", "{\"constitutions\": []}"))
                .isEqualTo(ConstitutionFormat.LLM_SWARM);
        assertThat(importer.detectFormat("upload.json", "[{\"critic\": \"c\", \"revision\": \"r\"}]"))
                .isEqualTo(ConstitutionFormat.LLM_SWARM);
        assertThat(importer.detectFormat("upload.json", "{\"h0\": {\"prompt\": [], \"edit_request\": \"\"}}"))
                .isEqualTo(ConstitutionFormat.PAPER_SL_PRINCIPLES);
        assertThat(importer.detectFormat("upload.json", "[\"\\nWhich? Options:\"]"))
                .isEqualTo(ConstitutionFormat.PAPER_RL_PRINCIPLES);
        assertThat(importer.detectFormat("upload.json", "[\"\\n\\nHuman: hi\"]"))
                .isEqualTo(ConstitutionFormat.PAPER_CRITIQUE_EXAMPLES);
        assertThat(importer.detectFormat("upload.json", "[{\"prompt\": \"\", \"corrects\": []}]"))
                .isEqualTo(ConstitutionFormat.PAPER_MC_EXAMPLES);
        assertThat(importer.detectFormat("upload.json", "[{\"prompt\": \"\"}]"))
                .isEqualTo(ConstitutionFormat.PAPER_COT_EXAMPLES);
    }

    @Test
    void importsSeveralFilesIntoOneConstitution(@TempDir Path dir) throws IOException {
        Path sl = Files.writeString(
                dir.resolve("CritiqueRevisionInstructions.json"),
                "{\"harmful0\": {\"prompt\": [\"\\n\\nCritiqueRequest: Is it harmful?\\n\\nCritique:\"],"
                        + " \"edit_request\": \"\\n\\nRevisionRequest: Make it harmless.\\n\\nRevision:\"}}");
        Path rl = Files.writeString(dir.resolve("RLMadisonInstructions.json"), "[\"\\nWhich is kinder? Options:\"]");

        ImportResult result = importer.importFiles(List.of(sl, rl));

        assertThat(result.content().slPrinciples())
                .containsExactly(new SlPrinciple("harmful0", "Is it harmful?", "Make it harmless.", true));
        assertThat(result.content().rlPrinciples()).containsExactly(new RlPrinciple("rl0", "Which is kinder?", true));
        assertThat(importer.importPaperDirectory(dir).content()).isEqualTo(result.content());
    }

    @Test
    void refusesAKeyThatAnEarlierFileUsed(@TempDir Path dir) throws IOException {
        Path first = Files.writeString(dir.resolve("a.yaml"), """
                format: cailab-constitution/1
                rl_principles:
                  - {key: kind, instruction: Which is kinder?}
                """);
        Path second = Files.writeString(dir.resolve("b.yaml"), """
                format: cailab-constitution/1
                rl_principles:
                  - {key: kind, instruction: Which is gentler?}
                """);

        assertThatThrownBy(() -> importer.importFiles(List.of(first, second)))
                .isInstanceOf(ConstitutionImportException.class)
                .hasMessage("b.yaml, key kind: RL principle key \"kind\" is already used by an earlier file");
    }

    @Test
    void aDirectoryWithoutPaperFilesIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> importer.importPaperDirectory(dir))
                .isInstanceOf(ConstitutionImportException.class)
                .hasMessageContaining("holds none of the paper's files");
    }

    @Test
    void anUnreadableFileIsAnImportError(@TempDir Path dir) {
        assertThatThrownBy(() -> importer.importFile(dir.resolve("missing.yaml")))
                .isInstanceOf(ConstitutionImportException.class)
                .hasMessageStartingWith("missing.yaml: cannot be read");
    }
}
