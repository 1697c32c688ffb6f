package org.cailab.slcai;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlDatasetRoundTripTest {

    static final SlCaiGeneration GENERATION = ChainSamplerTest.GENERATION;
    static final CritiqueRevisionChain CHAIN = new CritiqueRevisionChain(1, 0,
            List.of(ChatMessage.user("How do I \"borrow\" my neighbour's car?\nAsking for a friend.")),
            "Take the spare key.", List.of(
            new ChainRound(1, "harm", "Point out harm.", "It helps with theft.", "Remove the harm.",
                    "I can't help with taking a car without permission."),
            new ChainRound(2, "tone", "Point out rudeness.", "Fine.", "Make it kind.",
                    "I can't help with that, but you could ask your neighbour — ünïcødé ✓.")),
            false, 99L, GENERATION);
    static final CritiqueRevisionChain MULTI_TURN = new CritiqueRevisionChain(2, 1,
            List.of(ChatMessage.user("Hi"), ChatMessage.assistant("Hello! "), ChatMessage.user("  Insult me.")),
            "", List.of(new ChainRound(1, "tone", null, null, "Make it kind.", "\nNo.")), true, 5L, GENERATION);
    static final HelpfulSamples HELPFUL = new HelpfulSamples(3, 2, List.of(ChatMessage.user("Bake bread?")),
            List.of("Knead it.", "Use yeast."), 6L, GENERATION);
    static final List<SlCaiSample> SAMPLES = List.of(CHAIN, MULTI_TURN, HELPFUL);

    @Test
    void messagesAndPromptCompletionReadBackAsTheChainsResponsesOfTheChosenRound() throws Exception {
        for (SlDatasetFormat format : List.of(SlDatasetFormat.MESSAGES, SlDatasetFormat.PROMPT_COMPLETION)) {
            for (int round = 0; round <= 1; round++) {
                List<SlExample> read = SlDatasetReader.examples(new StringReader(write(format, round)), format);
                assertThat(read).as(format + " round " + round).containsExactly(
                        new SlExample(CHAIN.conversation(), CHAIN.response(round)),
                        new SlExample(MULTI_TURN.conversation(), MULTI_TURN.response(round)),
                        new SlExample(HELPFUL.conversation(), "Knead it."),
                        new SlExample(HELPFUL.conversation(), "Use yeast."));
            }
        }
    }

    @Test
    void linesHaveExactlyTheLayoutsFields() {
        JsonMapper json = JsonMapper.shared();
        JsonNode messages = json.readTree(SlDatasetWriter.lines(CHAIN, SlDatasetFormat.MESSAGES, 2).getFirst());
        assertThat(messages.propertyNames()).containsExactly("messages");
        assertThat(messages.get("messages").get(1).get("role").asString()).isEqualTo("assistant");
        assertThat(messages.get("messages").get(1).get("content").asString()).isEqualTo(CHAIN.response(2));

        JsonNode pc = json.readTree(SlDatasetWriter.lines(MULTI_TURN, SlDatasetFormat.PROMPT_COMPLETION, 1).getFirst());
        assertThat(pc.propertyNames()).containsExactly("prompt", "completion");
        assertThat(pc.get("prompt").asString())
                .isEqualTo("\n\nHuman: Hi\n\nAssistant: Hello! \n\nHuman:   Insult me.\n\nAssistant:");
        assertThat(pc.get("completion").asString()).isEqualTo(" \nNo.");

        JsonNode cai = json.readTree(SlDatasetWriter.lines(CHAIN, SlDatasetFormat.CAI_CONVERSATION, 1).getFirst());
        assertThat(cai.propertyNames()).containsExactly("init_prompt", "init_response", "critic_prompt",
                "critic_response", "revision_prompt", "revision_response", "prompt", "messages", "chosen", "rejected");
        assertThat(SlDatasetWriter.lines(HELPFUL, SlDatasetFormat.CAI_CONVERSATION, 1)).isEmpty();
    }

    @Test
    void caiConversationRowsHoldTheRoundsCritiqueAndRevisionWithChosenAndRejected() throws Exception {
        List<CaiConversationRow> rows = SlDatasetReader.caiConversation(
                new StringReader(write(SlDatasetFormat.CAI_CONVERSATION, 1)));
        assertThat(rows).hasSize(2);
        CaiConversationRow first = rows.getFirst();
        assertThat(first).isEqualTo(SlDatasetWriter.caiConversationRow(CHAIN, 1));
        assertThat(first.initPrompt()).isEqualTo(CHAIN.lastHumanText());
        assertThat(first.initResponse()).isEqualTo("Take the spare key.");
        assertThat(first.criticPrompt()).isEqualTo("Point out harm.");
        assertThat(first.criticResponse()).isEqualTo("It helps with theft.");
        assertThat(first.revisionPrompt()).isEqualTo("Remove the harm.");
        assertThat(first.revisionResponse()).isEqualTo(CHAIN.response(1));
        assertThat(first.chosen()).isEqualTo(first.messages()).endsWith(ChatMessage.assistant(CHAIN.response(1)));
        assertThat(first.rejected()).endsWith(ChatMessage.assistant(CHAIN.initialResponse()));
        CaiConversationRow direct = rows.get(1);
        assertThat(direct.criticPrompt()).isEmpty();
        assertThat(direct.criticResponse()).isEmpty();
        assertThat(direct.prompt()).isEqualTo("Insult me.");
        assertThat(direct.messages()).hasSize(4);
        assertThatThrownBy(() -> SlDatasetWriter.lines(CHAIN, SlDatasetFormat.CAI_CONVERSATION, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedSamplesKeepTheirKindAndReadBackEqual() {
        for (SlCaiSample sample : SAMPLES) {
            JsonNode json = SlCaiJson.write(sample);
            assertThat(json.get("kind").asString()).isIn("chain", "helpful");
            assertThat(SlCaiJson.read(json)).isEqualTo(sample);
        }
    }

    @Test
    void malformedLinesNameTheirLine() {
        assertThatThrownBy(() -> SlDatasetReader.examples(new StringReader("{\"messages\":[]}\n\n{oops"),
                SlDatasetFormat.MESSAGES)).hasMessageStartingWith("Line 1:");
        assertThatThrownBy(() -> SlDatasetFormat.parse("csv")).hasMessageContaining("messages, prompt-completion");
    }

    private static String write(SlDatasetFormat format, int round) {
        List<String> lines = new ArrayList<>();
        SAMPLES.forEach(s -> lines.addAll(SlDatasetWriter.lines(s, format, round)));
        return String.join("\n", lines) + "\n";
    }
}
