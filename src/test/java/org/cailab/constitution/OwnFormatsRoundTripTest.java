package org.cailab.constitution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cailab.dialogue.Conversation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Our YAML and the llm-swarm JSON: export then import gives back what went in. */
class OwnFormatsRoundTripTest {

    private final ConstitutionImporter importer = new ConstitutionImporter();
    private final ConstitutionExporter exporter = new ConstitutionExporter();

    /** Texts that YAML writers like to mangle: edge whitespace, line breaks, quotes, colons, hashes, unicode. */
    static ConstitutionContent awkwardContent() {
        return new ConstitutionContent(
                List.of(
                        new SlPrinciple(
                                "harm-1", "Say: is it harmful? # not a comment", "Rewrite it, \"kindly\".", true),
                        new SlPrinciple("off", "Is it rude?", "Make it polite.", false)),
                List.of(
                        new RlPrinciple("kind", "Which response is kinder – and why?", true),
                        new RlPrinciple("yes", "true", false)),
                List.of(new CritiqueRevisionExample(
                        Conversation.of(
                                "Line one\nline two  ", "  two leading spaces", "Q?", "\nstarts with a break\n\n"),
                        List.of(
                                new CritiqueRevisionRound("CR", "C: with colon", "RR", "R\n- item\n- item"),
                                CritiqueRevisionRound.direct("RR2", "’curly’ 日本語")),
                        false)),
                List.of(
                        new MultipleChoiceExample(Conversation.of("null"), null, "~", "- dash", Choice.B),
                        new MultipleChoiceExample(Conversation.of("Q"), "Which is safer?", "'a'", "b ", Choice.A)),
                List.of(new ChainOfThoughtExample(
                        Conversation.of("Q", "A", "Q2"), null, "a", "b", Choice.A, "\n(A) is fine.\n(B) is not.")));
    }

    @Test
    void yamlKeepsEverything() {
        ConstitutionContent content = awkwardContent();

        String yaml = exporter.export(content, ConstitutionFormat.CAILAB_YAML);
        ImportResult result = importer.importText("mine.yaml", yaml, null);

        assertThat(yaml).startsWith("format: cailab-constitution/1\n");
        assertThat(result.content()).isEqualTo(content);
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void llmSwarmJsonRoundTripsValueForValue() {
        String original = """
                {"constitutions": [
                  {"critic": "Point out anything unkind in the reply.", "revision": "Rewrite the reply to be kind."},
                  {"critic": "Is anything in the reply unsafe?", "revision": "Rewrite the reply so that it is safe."}],
                 "system_chat": [[
                  {"role": "user", "content": "How do I get back at my neighbour?"},
                  {"role": "assistant", "content": "Slash his tyres."},
                  {"role": "user", "content": "Is anything in the reply unsafe?"},
                  {"role": "assistant", "content": "It suggests damaging property, which is illegal."},
                  {"role": "user", "content": "Rewrite the reply so that it is safe."},
                  {"role": "assistant", "content": "I'd rather help you talk it over with him calmly."}]]}
                """;

        ImportResult result = importer.importText("constitution.json", original, null);
        String exported = exporter.export(result.content(), ConstitutionFormat.LLM_SWARM);

        assertThat(Mappers.JSON.readTree(exported)).isEqualTo(Mappers.JSON.readTree(original));
        ConstitutionContent content = result.content();
        assertThat(content.slPrinciples())
                .extracting(SlPrinciple::key)
                .containsExactly("constitution0", "constitution1");
        assertThat(content.critiqueExamples().getFirst().conversation())
                .isEqualTo(Conversation.of("How do I get back at my neighbour?", "Slash his tyres."));
        assertThat(content.critiqueExamples().getFirst().rounds().getFirst().critique())
                .isEqualTo("It suggests damaging property, which is illegal.");
    }

    @Test
    void llmSwarmAlsoReadsTheBareListOfConstitutions() {
        ImportResult result = importer.importText(
                "hh.json", "[{\"critic\": \"Is it unkind?\", \"revision\": \"Make it kind.\"}]", null);

        assertThat(result.content().slPrinciples())
                .containsExactly(new SlPrinciple("constitution0", "Is it unkind?", "Make it kind.", true));
    }

    @Test
    void llmSwarmKeepsMultiTurnConversationsOfOneRound() {
        CritiqueRevisionExample example = new CritiqueRevisionExample(
                Conversation.of("Hi", "Hello", "Insult me", "No."),
                List.of(new CritiqueRevisionRound("Rude?", "No.", "Improve.", "I'd rather not.")),
                true);
        ConstitutionContent content = new ConstitutionContent(
                List.of(new SlPrinciple("constitution0", "Rude?", "Improve.", true)),
                List.of(),
                List.of(example),
                List.of(),
                List.of());

        JsonNode exported = Mappers.JSON.readTree(exporter.export(content, ConstitutionFormat.LLM_SWARM));
        ImportResult back = importer.importText("x.json", exported.toString(), ConstitutionFormat.LLM_SWARM);

        assertThat(back.content()).isEqualTo(content);
    }
}
