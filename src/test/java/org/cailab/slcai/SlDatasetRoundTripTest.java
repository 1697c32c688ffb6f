package org.cailab.slcai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SlDatasetRoundTripTest {

    static final SlCaiGeneration GENERATION = ChainSamplerTest.GENERATION;
    static final CritiqueRevisionChain CHAIN = new CritiqueRevisionChain(
            1,
            0,
            List.of(ChatMessage.user("How do I \"borrow\" my neighbour's car?\nAsking for a friend.")),
            "Take the spare key.",
            List.of(
                    new ChainRound(
                            1,
                            "harm",
                            "Point out harm.",
                            "It helps with theft.",
                            "Remove the harm.",
                            "I can't help with taking a car without permission."),
                    new ChainRound(
                            2,
                            "tone",
                            "Point out rudeness.",
                            "Fine.",
                            "Make it kind.",
                            "I can't help with that, but you could ask your neighbour — ünïcødé ✓.")),
            false,
            99L,
            GENERATION);
    static final CritiqueRevisionChain MULTI_TURN = new CritiqueRevisionChain(
            2,
            1,
            List.of(ChatMessage.user("Hi"), ChatMessage.assistant("Hello! "), ChatMessage.user("  Insult me.")),
            "",
            List.of(new ChainRound(1, "tone", null, null, "Make it kind.", "\nNo.")),
            true,
            5L,
            GENERATION);
    static final HelpfulSamples HELPFUL = new HelpfulSamples(
            3, 2, List.of(ChatMessage.user("Bake bread?")), List.of("Knead it.", "Use yeast."), 6L, GENERATION);
    static final List<SlCaiSample> SAMPLES = List.of(CHAIN, MULTI_TURN, HELPFUL);

    static SlDatasetWriter.Selection all(int round) {
        return SlDatasetWriter.Selection.paper(round);
    }

    static SlDatasetWriter.Selection last(int round) {
        return new SlDatasetWriter.Selection(round, SlDatasetRounds.LAST, false);
    }

    @Test
    void messagesAndPromptCompletionReadBackAsTheChainsResponsesOfTheChosenRound() throws Exception {
        for (SlDatasetFormat format : List.of(SlDatasetFormat.MESSAGES, SlDatasetFormat.PROMPT_COMPLETION)) {
            for (int round = 0; round <= 1; round++) {
                List<SlExample> read = SlDatasetReader.examples(new StringReader(write(format, last(round))), format);
                assertThat(read)
                        .as(format + " round " + round)
                        .containsExactly(
                                new SlExample(CHAIN.conversation(), CHAIN.response(round)),
                                new SlExample(MULTI_TURN.conversation(), MULTI_TURN.response(round)),
                                new SlExample(HELPFUL.conversation(), "Knead it."),
                                new SlExample(HELPFUL.conversation(), "Use yeast."));
            }
        }
    }

    @Test
    void slCaiNHoldsTheRevisionsOfEveryRoundUpToNMixedWithTheHelpfulSamples() throws Exception {
        for (SlDatasetFormat format : List.of(SlDatasetFormat.MESSAGES, SlDatasetFormat.PROMPT_COMPLETION)) {
            String text = String.join("\n", SlDatasetWriter.lines(CHAIN, format, all(2))) + "\n"
                    + String.join("\n", SlDatasetWriter.lines(HELPFUL, format, all(2)));
            assertThat(SlDatasetReader.examples(new StringReader(text), format))
                    .as(format.name())
                    .containsExactly(
                            new SlExample(CHAIN.conversation(), CHAIN.response(1)),
                            new SlExample(CHAIN.conversation(), CHAIN.response(2)),
                            new SlExample(HELPFUL.conversation(), "Knead it."),
                            new SlExample(HELPFUL.conversation(), "Use yeast."));
        }
        assertThat(SlDatasetWriter.examples(CHAIN, last(2)))
                .containsExactly(new SlExample(CHAIN.conversation(), CHAIN.response(2)));
        assertThat(SlDatasetWriter.examples(CHAIN, all(0)))
                .containsExactly(new SlExample(CHAIN.conversation(), CHAIN.initialResponse()));
        assertThat(SlDatasetWriter.targets(CHAIN, all(2)))
                .extracting(SlDatasetWriter.Target::round)
                .containsExactly(1, 2);
        assertThat(SlDatasetWriter.lines(CHAIN, SlDatasetFormat.CAI_CONVERSATION, all(2)))
                .hasSize(2);
        assertThatThrownBy(() -> SlDatasetWriter.examples(CHAIN, all(3))).hasMessageContaining("rounds 0 to 2");
    }

    @Test
    void samplesCutAtTheTokenLimitAreLeftOutUnlessAskedFor() {
        CritiqueRevisionChain cut = new CritiqueRevisionChain(
                1,
                0,
                CHAIN.conversation(),
                "Take the",
                List.of(
                        CHAIN.rounds().getFirst(),
                        new ChainRound(
                                2,
                                "tone",
                                "Point out rudeness.",
                                "Fine.",
                                "Make it kind.",
                                "I can't help with",
                                false,
                                true)),
                false,
                99L,
                GENERATION,
                true,
                ChainLayout.PAIR);
        HelpfulSamples helpful = new HelpfulSamples(
                3,
                2,
                List.of(ChatMessage.user("Bake bread?")),
                List.of("Knead it and", "Use yeast."),
                6L,
                GENERATION,
                List.of(true, false));

        assertThat(SlDatasetWriter.examples(cut, all(2)))
                .extracting(SlExample::completion)
                .containsExactly(CHAIN.response(1));
        assertThat(SlDatasetWriter.examples(cut, new SlDatasetWriter.Selection(2, SlDatasetRounds.ALL, true)))
                .extracting(SlExample::completion)
                .containsExactly(CHAIN.response(1), "I can't help with");
        assertThat(SlDatasetWriter.examples(cut, all(0))).isEmpty();
        assertThat(SlDatasetWriter.examples(cut, last(2))).isEmpty();
        assertThat(SlDatasetWriter.lines(cut, SlDatasetFormat.CAI_CONVERSATION, all(2)))
                .hasSize(1);
        assertThat(SlDatasetWriter.examples(helpful, all(2)))
                .extracting(SlExample::completion)
                .containsExactly("Use yeast.");
        assertThat(SlDatasetWriter.examples(helpful, new SlDatasetWriter.Selection(2, SlDatasetRounds.ALL, true)))
                .hasSize(2);
    }

    @Test
    void noExportFormatHasATurnMarkerInsideATurnEvenWhenTheModelWroteOne() throws Exception {
        // a backend that ignores stop sequences: every sample goes on with made-up turns
        ChainSampler.TextGenerator leaky = (prompt, seed) -> new Sampled(
                " Is there anything else?\n\nAssistant: Why?\n\nAssistant: Can you say more?\n\nHuman: Ok", false);
        CritiqueRevisionChain chain = ChainSampler.chain(
                ChainSamplerTest.PROMPT, ChainSamplerTest.settings(2, false, ChainLayout.PAIR), 3L, GENERATION, leaky);
        HelpfulSamples helpful = ChainSampler.helpful(
                ChainSamplerTest.PROMPT,
                2,
                4L,
                GENERATION,
                (prompt, count, seed) -> java.util.Collections.nCopies(count, leaky.generate(prompt, seed)));
        assertThat(chain.response(2)).isEqualTo("Is there anything else?");
        assertThat(helpful.responses()).containsOnly("Is there anything else?");

        JsonMapper json = JsonMapper.shared();
        for (SlDatasetFormat format : SlDatasetFormat.values()) {
            for (SlCaiSample sample : List.of(chain, helpful)) {
                for (String line : SlDatasetWriter.lines(sample, format, all(2))) {
                    JsonNode node = json.readTree(line);
                    for (String field : List.of("messages", "chosen", "rejected")) {
                        if (node.has(field)) {
                            node.get(field)
                                    .forEach(
                                            m -> assertNoMarker(m.get("content").asString()));
                        }
                    }
                    for (String field : List.of(
                            "init_prompt",
                            "init_response",
                            "critic_response",
                            "revision_response",
                            "prompt",
                            "completion")) {
                        if (node.has(field)
                                && !(format == SlDatasetFormat.PROMPT_COMPLETION && field.equals("prompt"))) {
                            assertNoMarker(node.get(field).asString());
                        }
                    }
                    if (format == SlDatasetFormat.PROMPT_COMPLETION) {
                        // the prompt is a transcript: its markers are only the turn separators
                        String prompt = node.get("prompt").asString();
                        org.cailab.dialogue.Conversation parsed = org.cailab.dialogue.Conversation.parse(
                                prompt.substring(0, prompt.length() - "\n\nAssistant:".length()));
                        assertThat(parsed.turns()).hasSize(3).allSatisfy(t -> assertNoMarker(t.text()));
                    }
                }
            }
        }
    }

    private static void assertNoMarker(String text) {
        assertThat(text).doesNotContain("\n\nHuman:", "\n\nAssistant:", "Human:", "Assistant:");
    }

    @Test
    void caiConversationRowsHoldTheRoundsCritiqueAndRevisionWithChosenAndRejected() throws Exception {
        List<CaiConversationRow> rows =
                SlDatasetReader.caiConversation(new StringReader(write(SlDatasetFormat.CAI_CONVERSATION, last(1))));
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
        // round 0 has no revision to put in a row (the export refuses it before writing)
        assertThat(SlDatasetWriter.lines(CHAIN, SlDatasetFormat.CAI_CONVERSATION, last(0)))
                .isEmpty();
    }

    @Test
    void chainsStoredBeforeTheFlagsAndTheLayoutReadAsCumulativeAndComplete() {
        JsonNode old = JsonMapper.shared().readTree("""
                {"kind":"chain","promptId":1,"promptPosition":0,"conversation":[{"role":"user","content":"Hi"}],
                 "initialResponse":"Hello","rounds":[{"number":1,"principleKey":"harm","critiqueRequest":"c",
                 "critique":"ok","revisionRequest":"r","revision":"Hello!"}],"directRevision":false,"seed":5,
                 "generation":{"snapshotId":1,"snapshotName":"m","constitutionVersionId":2,"constitutionVersion":"d v1",
                 "fewShotExamples":1,"temperature":1.0,"topP":1.0,"maxNewTokens":8,"stopSequences":[]}}
                """);
        CritiqueRevisionChain chain = (CritiqueRevisionChain) SlCaiJson.read(old);
        assertThat(chain.layout()).isNull();
        assertThat(chain.chainLayout()).isEqualTo(ChainLayout.CUMULATIVE);
        assertThat(chain.anyTruncated()).isFalse();
        JsonNode oldHelpful = JsonMapper.shared()
                .readTree(SlCaiJson.write(HELPFUL).toString().replace(",\"truncated\":[false,false]", ""));
        assertThat(oldHelpful.has("truncated")).isFalse();
        assertThat(((HelpfulSamples) SlCaiJson.read(oldHelpful)).truncated()).containsExactly(false, false);
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
        assertThatThrownBy(() -> SlDatasetReader.examples(
                        new StringReader("{\"messages\":[]}\n\n{oops"), SlDatasetFormat.MESSAGES))
                .hasMessageStartingWith("Line 1:");
        assertThatThrownBy(() -> SlDatasetFormat.parse("csv")).hasMessageContaining("messages, prompt-completion");
    }

    private static String write(SlDatasetFormat format, SlDatasetWriter.Selection selection) {
        List<String> lines = new ArrayList<>();
        SAMPLES.forEach(s -> lines.addAll(SlDatasetWriter.lines(s, format, selection)));
        return String.join("\n", lines) + "\n";
    }
}
