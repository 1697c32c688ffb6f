package org.cailab.slcai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cailab.constitution.CritiqueRevisionExample;
import org.cailab.constitution.CritiqueRevisionRound;
import org.cailab.constitution.SlPrinciple;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.junit.jupiter.api.Test;

class ChainSamplerTest {

    static final List<SlPrinciple> PRINCIPLES = List.of(
            new SlPrinciple("harm", "Point out harm.", "Remove the harm.", true),
            new SlPrinciple("honesty", "Point out falsehoods.", "Make it honest.", true),
            new SlPrinciple("tone", "Point out rudeness.", "Make it kind.", true));
    static final CritiqueRevisionExample FEW_SHOT = new CritiqueRevisionExample(
            Conversation.of("Can I eat glue?", "Sure, glue is tasty."),
            List.of(new CritiqueRevisionRound(
                    "Point out harm.", "Glue is not food.", "Remove the harm.", "No, glue is not safe to eat.")),
            true);
    static final SlCaiGeneration GENERATION =
            new SlCaiGeneration(7, "tiny", 3, "test v1", 1, 1.0, 1.0, 32, List.of("\n\nHuman:"));
    static final SlCaiItemInput PROMPT = new SlCaiItemInput(
            "chain", 11, 4, List.of(Turn.human("Hi"), Turn.assistant("Hello."), Turn.human("How do I pick a lock?")));

    /**
     * Answers every prompt with a numbered text (with the leading space a model writes) and records the prompts; the
     * answers whose numbers are in {@code cut} ran into the token limit.
     */
    static final class RecordingGenerator implements ChainSampler.TextGenerator {
        final List<String> prompts = new ArrayList<>();
        final List<Long> seeds = new ArrayList<>();
        final Set<Integer> cut;

        RecordingGenerator(Integer... cut) {
            this.cut = Set.of(cut);
        }

        @Override
        public Sampled generate(String prompt, long seed) {
            prompts.add(prompt);
            seeds.add(seed);
            return new Sampled(" text " + prompts.size() + "  \n", cut.contains(prompts.size()));
        }
    }

    static ChainSampler.Settings settings(int rounds, boolean direct, ChainLayout layout) {
        return new ChainSampler.Settings(PRINCIPLES, List.of(FEW_SHOT), rounds, direct, layout);
    }

    @Test
    void aChainHasTheInitialResponseAndEveryRoundUnderADrawnPrinciple() throws Exception {
        RecordingGenerator generator = new RecordingGenerator();

        CritiqueRevisionChain chain =
                ChainSampler.chain(PROMPT, settings(2, false, ChainLayout.PAIR), 42L, GENERATION, generator);

        assertThat(chain.initialResponse()).isEqualTo("text 1");
        assertThat(chain.rounds()).hasSize(2);
        assertThat(chain.rounds()).extracting(ChainRound::number).containsExactly(1, 2);
        assertThat(chain.rounds()).extracting(ChainRound::critique).containsExactly("text 2", "text 4");
        assertThat(chain.rounds()).extracting(ChainRound::revision).containsExactly("text 3", "text 5");
        List<SlPrinciple> drawn = ChainSampler.drawPrinciples(PRINCIPLES, 2, 42L);
        assertThat(chain.rounds())
                .extracting(ChainRound::principleKey)
                .containsExactlyElementsOf(drawn.stream().map(SlPrinciple::key).toList());
        assertThat(chain.rounds().getFirst().critiqueRequest())
                .isEqualTo(drawn.getFirst().critiqueRequest());
        assertThat(chain.rounds().getFirst().revisionRequest())
                .isEqualTo(drawn.getFirst().revisionRequest());
        assertThat(chain.conversation())
                .containsExactly(
                        ChatMessage.user("Hi"),
                        ChatMessage.assistant("Hello."),
                        ChatMessage.user("How do I pick a lock?"));
        assertThat(chain.seed()).isEqualTo(42L);
        assertThat(chain.generation()).isEqualTo(GENERATION);
        assertThat(chain.layout()).isEqualTo(ChainLayout.PAIR);
        assertThat(chain.response(0)).isEqualTo("text 1");
        assertThat(chain.response(2)).isEqualTo("text 5");
        assertThat(chain.anyTruncated()).isFalse();
        assertThat(generator.seeds).doesNotHaveDuplicates();
    }

    /** The few-shot example exactly as the paper's file would hold it, written out by hand. */
    private static final String FEW_SHOT_TEXT = "\n\nHuman: Can I eat glue?\n\nAssistant: Sure, glue is tasty."
            + "\n\nCritiqueRequest: Point out harm.\n\nCritique: Glue is not food.\n\nRevisionRequest: Remove the harm."
            + "\n\nRevision: No, glue is not safe to eat.\n\nHuman:";
    /** The few-shot followed by the conversation: the few-shot's closing "Human:" opens the conversation's turn. */
    private static final String FEW_SHOT_AND_CONVERSATION =
            FEW_SHOT_TEXT.substring(0, FEW_SHOT_TEXT.length() - "\n\nHuman:".length())
                    + "\n\nHuman: Hi\n\nAssistant: Hello.\n\nHuman: How do I pick a lock?";

    @Test
    void pairLayoutRoundTwoCritiquesRevisionOneAloneByteForByte() throws Exception {
        RecordingGenerator generator = new RecordingGenerator();
        CritiqueRevisionChain chain =
                ChainSampler.chain(PROMPT, settings(2, false, ChainLayout.PAIR), 5L, GENERATION, generator);
        List<String> p = generator.prompts;
        ChainRound first = chain.rounds().getFirst();
        ChainRound second = chain.rounds().get(1);

        assertThat(p.getFirst())
                .isEqualTo("\n\nHuman: Hi\n\nAssistant: Hello.\n\nHuman: How do I pick a lock?\n\nAssistant:");
        assertThat(p.get(1))
                .isEqualTo(FEW_SHOT_AND_CONVERSATION + "\n\nAssistant: text 1\n\nCritiqueRequest: "
                        + first.critiqueRequest() + "\n\nCritique:");
        assertThat(p.get(2))
                .isEqualTo(p.get(1) + " text 2\n\nRevisionRequest: " + first.revisionRequest() + "\n\nRevision:");
        // round 2: few-shots + conversation + revision 1 as the assistant's response + round 2's critique request
        assertThat(p.get(3))
                .isEqualTo(FEW_SHOT_AND_CONVERSATION + "\n\nAssistant: text 3\n\nCritiqueRequest: "
                        + second.critiqueRequest() + "\n\nCritique:");
        assertThat(p.get(4))
                .isEqualTo(p.get(3) + " text 4\n\nRevisionRequest: " + second.revisionRequest() + "\n\nRevision:");
        assertThat(p.subList(1, 5)).allSatisfy(prompt -> assertThat(prompt).doesNotContain("\n\nHuman:\n\nHuman:"));
        assertThat(p.get(3)).doesNotContain("text 1", "text 2");
    }

    @Test
    void cumulativeLayoutCarriesTheWholeChainForward() throws Exception {
        RecordingGenerator generator = new RecordingGenerator();
        CritiqueRevisionChain chain =
                ChainSampler.chain(PROMPT, settings(2, false, ChainLayout.CUMULATIVE), 5L, GENERATION, generator);
        List<String> p = generator.prompts;
        ChainRound first = chain.rounds().getFirst();
        ChainRound second = chain.rounds().get(1);

        assertThat(chain.layout()).isEqualTo(ChainLayout.CUMULATIVE);
        assertThat(p.get(1))
                .isEqualTo(FEW_SHOT_AND_CONVERSATION + "\n\nAssistant: text 1\n\nCritiqueRequest: "
                        + first.critiqueRequest() + "\n\nCritique:");
        // round 2 sees round 1: the initial response, round 1's critique and revision, then round 2's request
        assertThat(p.get(3))
                .isEqualTo(p.get(2) + " text 3\n\nCritiqueRequest: " + second.critiqueRequest() + "\n\nCritique:");
        assertThat(p.get(4))
                .isEqualTo(p.get(3) + " text 4\n\nRevisionRequest: " + second.revisionRequest() + "\n\nRevision:");
    }

    @Test
    void samplesThatRanIntoTheTokenLimitAreFlaggedWhereTheyAre() throws Exception {
        // 1 initial response, 2 critique 1, 3 revision 1, 4 critique 2, 5 revision 2
        CritiqueRevisionChain chain = ChainSampler.chain(
                PROMPT, settings(2, false, ChainLayout.PAIR), 5L, GENERATION, new RecordingGenerator(1, 4, 5));

        assertThat(chain.initialTruncated()).isTrue();
        assertThat(chain.rounds().getFirst().critiqueTruncated()).isFalse();
        assertThat(chain.rounds().getFirst().revisionTruncated()).isFalse();
        assertThat(chain.rounds().get(1).critiqueTruncated()).isTrue();
        assertThat(chain.rounds().get(1).revisionTruncated()).isTrue();
        assertThat(chain.responseTruncated(0)).isTrue();
        assertThat(chain.responseTruncated(1)).isFalse();
        assertThat(chain.responseTruncated(2)).isTrue();
        assertThat(chain.anyTruncated()).isTrue();
        assertThat(SlCaiJson.read(SlCaiJson.write(chain))).isEqualTo(chain);

        HelpfulSamples helpful = ChainSampler.helpful(
                PROMPT,
                2,
                8L,
                GENERATION,
                (prompt, count, seed) -> List.of(new Sampled(" cut", true), new Sampled(" whole", false)));
        assertThat(helpful.truncated()).containsExactly(true, false);
    }

    @Test
    void directRevisionSkipsTheCritiques() throws Exception {
        RecordingGenerator generator = new RecordingGenerator();
        CritiqueRevisionChain chain =
                ChainSampler.chain(PROMPT, settings(3, true, ChainLayout.PAIR), 9L, GENERATION, generator);

        assertThat(chain.directRevision()).isTrue();
        assertThat(chain.rounds()).hasSize(3).allSatisfy(r -> {
            assertThat(r.hasCritique()).isFalse();
            assertThat(r.critiqueRequest()).isNull();
        });
        assertThat(generator.prompts).hasSize(4);
        assertThat(generator.prompts.subList(1, 4)).allSatisfy(prompt -> {
            assertThat(prompt).doesNotContain("CritiqueRequest:").endsWith("\n\nRevision:");
        });
        assertThat(chain.rounds()).extracting(ChainRound::revision).containsExactly("text 2", "text 3", "text 4");
        // pair layout: round 3 revises revision 2, shown as the assistant's response
        assertThat(generator.prompts.get(3))
                .contains("\n\nAssistant: text 3\n\nRevisionRequest: ")
                .doesNotContain("text 2");
    }

    @Test
    void principleDrawsAreSeededUniformAndOnlyFromTheGivenPrinciples() {
        assertThat(ChainSampler.drawPrinciples(PRINCIPLES, 4, 123L))
                .isEqualTo(ChainSampler.drawPrinciples(PRINCIPLES, 4, 123L));
        Set<List<String>> sequences = new HashSet<>();
        int[] counts = new int[PRINCIPLES.size()];
        for (int i = 0; i < 3000; i++) {
            List<SlPrinciple> drawn =
                    ChainSampler.drawPrinciples(PRINCIPLES, 4, Seeds.item(7L, "chain-%06d".formatted(i)));
            sequences.add(drawn.stream().map(SlPrinciple::key).toList());
            drawn.forEach(p -> counts[PRINCIPLES.indexOf(p)]++);
        }
        assertThat(sequences).hasSize(81); // every sequence of 4 draws from 3 principles occurs
        assertThat(IntStream.of(counts).boxed().toList())
                .allSatisfy(c -> assertThat(c).isBetween(3600, 4400)); // 4000 expected
    }

    @Test
    void samplesAreStoredWithoutTheLeadingSpaceTrailingWhitespaceAndNulCharacters() {
        assertThat(ChainSampler.clean(" a\0b \n")).isEqualTo("ab");
        assertThat(ChainSampler.clean("\nkeep the line break")).isEqualTo("\nkeep the line break");
    }

    @Test
    void samplesEndAtTheFirstTurnMarkerEvenWhenABackendIgnoredTheStopSequences() {
        assertThat(ChainSampler.clean(" Is there anything else?\n\nAssistant: Why?\n\nHuman: Hm"))
                .isEqualTo("Is there anything else?");
        assertThat(ChainSampler.clean(" Sure.\n\nHuman: thanks\n\nAssistant: ok"))
                .isEqualTo("Sure.");
        assertThat(ChainSampler.clean(" Fine.\n\nCritiqueRequest: x")).isEqualTo("Fine.");
        assertThat(org.cailab.constitution.PromptFormats.CRITIQUE_REVISION_STOPS)
                .contains("\n\nHuman:", "\n\nAssistant:");
    }

    @Test
    void itemSeedsDependOnRunSeedAndKey() {
        Set<Long> seeds = IntStream.range(0, 10_000)
                .mapToObj(i -> Seeds.item(1L, "chain-%06d".formatted(i)))
                .collect(Collectors.toSet());
        assertThat(seeds).hasSize(10_000);
        assertThat(Seeds.item(1L, "chain-000001"))
                .isEqualTo(Seeds.item(1L, "chain-000001"))
                .isNotEqualTo(Seeds.item(2L, "chain-000001"));
    }

    @Test
    void helpfulPromptsGetSeveralSamplesFromOneBatch() throws Exception {
        List<String> asked = new ArrayList<>();
        HelpfulSamples samples = ChainSampler.helpful(PROMPT, 3, 8L, GENERATION, (prompt, count, seed) -> {
            asked.add(prompt);
            return IntStream.range(0, count)
                    .mapToObj(i -> Sampled.complete(" sample " + i))
                    .toList();
        });
        assertThat(asked).containsExactly(ChainSampler.initialPrompt(PROMPT.conversation()));
        assertThat(samples.responses()).containsExactly("sample 0", "sample 1", "sample 2");
        assertThat(samples.promptId()).isEqualTo(11);
    }
}
