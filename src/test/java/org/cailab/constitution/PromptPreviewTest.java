package org.cailab.constitution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptPreviewTest {

    private static final ConstitutionContent DEFAULT = new ConstitutionImporter()
            .importFile(Path.of("constitution/default.yaml"))
            .content();
    private static final PromptSample SAMPLE = PromptSample.BUILT_IN.getFirst();

    @Test
    void critiquePromptIsFewShotsThenTheConversationThenTheFramedRequest() {
        SlPrinciple principle = DEFAULT.slPrinciples().get(2);

        String prompt = PromptPreview.render(DEFAULT, PromptKind.CRITIQUE, principle.key(), SAMPLE);

        assertThat(prompt)
                .isEqualTo(PromptFormats.nextCritiquePrompt(
                        DEFAULT.critiqueExamples(),
                        SAMPLE.conversationWithResponse(),
                        List.of(),
                        principle.critiqueRequest()));
        assertThat(prompt)
                .endsWith("\n\nAssistant: " + SAMPLE.response() + "\n\nCritiqueRequest: " + principle.critiqueRequest()
                        + "\n\nCritique:");
    }

    @Test
    void directRevisionLeavesCritiquesOut() {
        SlPrinciple principle = DEFAULT.slPrinciples().getFirst();

        String prompt = PromptPreview.render(DEFAULT, PromptKind.DIRECT_REVISION, principle.key(), SAMPLE);

        assertThat(prompt)
                .doesNotContain("CritiqueRequest:")
                .endsWith("\n\nRevisionRequest: " + principle.revisionRequest() + "\n\nRevision:");
    }

    @Test
    void comparisonsUseTheRlPrincipleAndBothResponses() {
        RlPrinciple principle = DEFAULT.rlPrinciples().get(1);

        String mc = PromptPreview.render(DEFAULT, PromptKind.MULTIPLE_CHOICE, principle.key(), SAMPLE);
        String cot = PromptPreview.render(DEFAULT, PromptKind.CHAIN_OF_THOUGHT, principle.key(), SAMPLE);

        assertThat(mc)
                .endsWith("\n" + principle.instruction() + " Options:\n (A) [[[" + SAMPLE.response() + "]]]\n (B) [[["
                        + SAMPLE.otherResponse() + "]]]\n\nThe answer is:");
        assertThat(cot).endsWith("\n\nAssistant: Let's think step by step:").contains(principle.instruction());
    }

    @Test
    void keysAreLookedUpInTheListOfTheKind() {
        // "privacy" is both an SL and an RL key in the default constitution
        assertThat(PromptPreview.render(DEFAULT, PromptKind.CRITIQUE, "privacy", SAMPLE))
                .contains("CritiqueRequest:");
        assertThat(PromptPreview.render(DEFAULT, PromptKind.MULTIPLE_CHOICE, "privacy", SAMPLE))
                .contains("Options:");
        assertThatThrownBy(() -> PromptPreview.render(DEFAULT, PromptKind.CRITIQUE, "less-harmful", SAMPLE))
                .hasMessageContaining("no SL principle with key \"less-harmful\"");
    }

    @Test
    void builtInSamplesAreCleanTexts() {
        for (PromptSample sample : PromptSample.BUILT_IN) {
            assertThat(PromptFormats.reservedMarkerProblems(sample.conversationWithResponse()
                            .render()
                            .substring(2)
                            .replace("\n\nAssistant: ", " ")))
                    .isEmpty();
            assertThat(PromptFormats.reservedMarkerProblems(sample.otherResponse()))
                    .isEmpty();
        }
    }
}
