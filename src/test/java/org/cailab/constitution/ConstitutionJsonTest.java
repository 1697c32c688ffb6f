package org.cailab.constitution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstitutionJsonTest {

    private static final ConstitutionContent DEFAULT = new ConstitutionImporter()
            .importFile(Path.of("constitution/default.yaml"))
            .content();

    @Test
    void roundTripsAndIsCanonical() {
        String json = ConstitutionJson.write(DEFAULT);

        assertThat(ConstitutionJson.read("test", json)).isEqualTo(DEFAULT);
        assertThat(json).startsWith("{\"format\":\"cailab-constitution/1\",\"sl_principles\":[");
        assertThat(ConstitutionJson.write(ConstitutionJson.read("test", json))).isEqualTo(json);
        assertThat(ConstitutionJson.sha256(DEFAULT)).hasSize(64).isEqualTo(ConstitutionJson.sha256(DEFAULT));
    }

    @Test
    void fieldOrderAndWhitespaceDoNotMatter() {
        String reordered =
                "{ \"rl_principles\": [ {\"enabled\": false, \"instruction\": \"Which is kinder?\", \"key\": \"k\"} ],"
                        + " \"format\": \"cailab-constitution/1\" }";

        ConstitutionContent content = ConstitutionJson.read("test", reordered);

        assertThat(content.rlPrinciples()).containsExactly(new RlPrinciple("k", "Which is kinder?", false));
    }

    @Test
    void differentContentHasADifferentHash() {
        ConstitutionContent other = new ConstitutionContent(
                DEFAULT.slPrinciples(),
                DEFAULT.rlPrinciples().subList(1, 16),
                DEFAULT.critiqueExamples(),
                DEFAULT.mcExamples(),
                DEFAULT.cotExamples());
        assertThat(ConstitutionJson.sha256(other)).isNotEqualTo(ConstitutionJson.sha256(DEFAULT));
    }

    @Test
    void brokenJsonNamesTheSource() {
        assertThatThrownBy(() -> ConstitutionJson.read("stored version default v2", "{\"format\": 1"))
                .isInstanceOf(ConstitutionImportException.class)
                .hasMessageStartingWith("stored version default v2:");
    }

    @Test
    void importMergeReplacesOnlyThePartsAFormatHolds() {
        ConstitutionContent rlOnly = new ConstitutionContent(
                List.of(), List.of(new RlPrinciple("x", "Which is better?", true)), List.of(), List.of(), List.of());

        ConstitutionContent merged = ImportMerge.replaceParts(DEFAULT, rlOnly, ConstitutionFormat.PAPER_RL_PRINCIPLES);

        assertThat(merged.rlPrinciples()).isEqualTo(rlOnly.rlPrinciples());
        assertThat(merged.slPrinciples()).isEqualTo(DEFAULT.slPrinciples());
        assertThat(merged.cotExamples()).isEqualTo(DEFAULT.cotExamples());
        assertThat(ImportMerge.replaceParts(DEFAULT, rlOnly, ConstitutionFormat.CAILAB_YAML))
                .isEqualTo(rlOnly);
    }
}
