package org.cailab.constitution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Golden tests against the paper's published files: every prompt parses and renders back byte for byte. */
class PaperGoldenTest {

    @Test
    void all438HhhEvaluationPromptsParseAndRenderBackExactly() throws IOException {
        List<String> lines = Files.readAllLines(PaperData.file("evals/438HHHEvaluations.jsonl"));
        int exact = 0;
        int consistent = 0;
        for (String line : lines) {
            JsonNode row = Mappers.JSON.readTree(line);
            String prompt = row.get("prompt").stringValue();

            MultipleChoiceQuestion question = PromptFormats.parseMultipleChoice(prompt);

            if (PromptFormats.multipleChoiceQuestion(question).equals(prompt)) {
                exact++;
            }
            // the answers and the full transcripts of the file must agree with what was parsed
            Choice correct = row.get("corrects").get(0).stringValue().equals(Choice.A.answer()) ? Choice.A : Choice.B;
            String transcript = question.conversation().render() + PromptFormats.ASSISTANT_MARKER + " ";
            if (row.get("incorrects")
                            .get(0)
                            .stringValue()
                            .equals(correct.other().answer())
                    && row.get("text_correct").stringValue().equals(transcript + question.response(correct))
                    && row.get("text_incorrect")
                            .stringValue()
                            .equals(transcript + question.response(correct.other()))) {
                consistent++;
            }
        }
        System.out.printf(
                "438HHHEvaluations: %d prompts, %d render back exactly, %d agree with text_correct/text_incorrect%n",
                lines.size(), exact, consistent);
        assertThat(lines).hasSize(438);
        assertThat(exact).isEqualTo(438);
        assertThat(consistent).isEqualTo(438);
    }

    @Test
    void theEvaluationsAskUnderOneOfThePaperRlPrinciples() throws IOException {
        String firstLine = Files.readAllLines(PaperData.file("evals/438HHHEvaluations.jsonl"))
                .getFirst();
        ImportResult rl = new ConstitutionImporter().importFile(PaperData.file("prompts/RLMadisonInstructions.json"));

        MultipleChoiceQuestion question = PromptFormats.parseMultipleChoice(
                Mappers.JSON.readTree(firstLine).get("prompt").stringValue());

        assertThat(question.instruction())
                .isEqualTo(rl.content().rlPrinciples().get(1).instruction());
        assertThat(question.conversation().lastTurn().speaker()).isEqualTo(Turn.Speaker.HUMAN);
    }

    @Test
    void critiqueFewShotsRenderBackToThePaperStrings() throws IOException {
        JsonNode paper = Mappers.JSON.readTree(
                PaperData.file("prompts/CritiqueRevisionFewShotPrompts.json").toFile());

        for (JsonNode entry : paper) {
            CritiqueRevisionExample example = PromptFormats.parseCritiqueRevisionExample(entry.stringValue());
            assertThat(PromptFormats.critiqueRevisionExample(example)).isEqualTo(entry.stringValue());
            assertThat(example.rounds()).hasSize(1);
            assertThat(example.conversation().lastTurn().speaker()).isEqualTo(Turn.Speaker.ASSISTANT);
        }
    }

    @Test
    void critiquePromptsOfThePaperFewShotsAndSampleReadLikeThePaperTranscripts() throws IOException {
        ConstitutionContent paper = new ConstitutionImporter()
                .importFile(PaperData.file("prompts/CritiqueRevisionFewShotPrompts.json"))
                .content();
        JsonNode sample = Mappers.JSON.readTree(Files.readAllLines(PaperData.file("samples/LAMDA_SLMADISON.jsonl"))
                .getFirst());
        String rlPrompt = sample.get("rl_prompt").stringValue();
        String initial = sample.get("initial_response").get(0).get("sample").stringValue();
        JsonNode step = sample.get("cst").get(0);
        Conversation conversation = Conversation.parse(rlPrompt + initial);
        String request = new ConstitutionImporter()
                        .importFile(PaperData.file("prompts/CritiqueRevisionInstructions.json"))
                        .content()
                        .slPrinciples()
                        .stream()
                        .filter(p -> p.key().equals(step.get("cst_key").stringValue()))
                        .findFirst()
                        .orElseThrow()
                        .critiqueRequest();

        String prompt = PromptFormats.nextCritiquePrompt(paper.critiqueExamples(), conversation, List.of(), request);

        assertThat(prompt).doesNotContain("\n\nHuman:\n\nHuman:").doesNotContain("\n\nHuman: \n\n");
        // the sample's transcript follows the last few-shot's revision as its own human turn, then the request
        String lastFewShot = Mappers.JSON
                .readTree(PaperData.file("prompts/CritiqueRevisionFewShotPrompts.json")
                        .toFile())
                .get(4)
                .stringValue();
        assertThat(prompt)
                .endsWith(lastFewShot.substring(0, lastFewShot.length() - "\n\nHuman:".length())
                        + rlPrompt
                        + initial
                        + step.get("cst_value").get("prompt").get(0).stringValue());
        assertThat(Conversation.parse(prompt.substring(0, prompt.indexOf("\n\nCritiqueRequest:")))
                        .turns())
                .noneMatch(turn -> turn.text().isBlank());
    }

    @Test
    void slSamplesUseThePaperPrinciplesFramingAndLeadingSpace() throws IOException {
        ImportResult sl =
                new ConstitutionImporter().importFile(PaperData.file("prompts/CritiqueRevisionInstructions.json"));
        String line = Files.readAllLines(PaperData.file("samples/PALMS_SLMADISON.jsonl"))
                .getFirst();
        JsonNode step = Mappers.JSON.readTree(line).get("cst").get(0);
        SlPrinciple principle = sl.content().slPrinciples().stream()
                .filter(p -> p.key().equals(step.get("cst_key").stringValue()))
                .findFirst()
                .orElseThrow();

        assertThat(PromptFormats.critiqueRequest(principle.critiqueRequest()))
                .isEqualTo(step.get("cst_value").get("prompt").get(0).stringValue());
        assertThat(PromptFormats.revisionRequest(principle.revisionRequest()))
                .isEqualTo(step.get("cst_value").get("edit_request").stringValue());
        String sample = step.get("critique").get("sample").stringValue();
        assertThat(PromptFormats.afterColon(PromptFormats.sampleText(sample))).isEqualTo(sample);
    }
}
