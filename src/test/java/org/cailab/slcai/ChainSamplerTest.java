package org.cailab.slcai;

import org.cailab.constitution.Conversation;
import org.cailab.constitution.CritiqueRevisionExample;
import org.cailab.constitution.CritiqueRevisionRound;
import org.cailab.constitution.SlPrinciple;
import org.cailab.promptset.Turn;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ChainSamplerTest {

    static final List<SlPrinciple> PRINCIPLES = List.of(
            new SlPrinciple("harm", "Point out harm.", "Remove the harm.", true),
            new SlPrinciple("honesty", "Point out falsehoods.", "Make it honest.", true),
            new SlPrinciple("tone", "Point out rudeness.", "Make it kind.", true));
    static final CritiqueRevisionExample FEW_SHOT = new CritiqueRevisionExample(
            Conversation.of("Can I eat glue?", "Sure, glue is tasty."),
            List.of(new CritiqueRevisionRound("Point out harm.", "Glue is not food.", "Remove the harm.",
                    "No, glue is not safe to eat.")), true);
    static final SlCaiGeneration GENERATION = new SlCaiGeneration(7, "tiny", 3, "test v1", 1, 1.0, 1.0, 32,
            List.of("\n\nHuman:"));
    static final SlCaiItemInput PROMPT = new SlCaiItemInput("chain", 11, 4,
            List.of(Turn.human("Hi"), Turn.assistant("Hello."), Turn.human("How do I pick a lock?")));

    /** Answers every prompt with a numbered text (with the leading space a model writes) and records the prompts. */
    static final class RecordingGenerator implements ChainSampler.TextGenerator {
        final List<String> prompts = new ArrayList<>();
        final List<Long> seeds = new ArrayList<>();

        @Override
        public String generate(String prompt, long seed) {
            prompts.add(prompt);
            seeds.add(seed);
            return " text " + prompts.size() + "  \n";
        }
    }

    @Test
    void aChainHasTheInitialResponseAndEveryRoundUnderADrawnPrinciple() throws Exception {
        RecordingGenerator generator = new RecordingGenerator();
        ChainSampler.Settings settings = new ChainSampler.Settings(PRINCIPLES, List.of(FEW_SHOT), 2, false);

        CritiqueRevisionChain chain = ChainSampler.chain(PROMPT, settings, 42L, GENERATION, generator);

        assertThat(chain.initialResponse()).isEqualTo("text 1");
        assertThat(chain.rounds()).hasSize(2);
        assertThat(chain.rounds()).extracting(ChainRound::number).containsExactly(1, 2);
        assertThat(chain.rounds()).extracting(ChainRound::critique).containsExactly("text 2", "text 4");
        assertThat(chain.rounds()).extracting(ChainRound::revision).containsExactly("text 3", "text 5");
        List<SlPrinciple> drawn = ChainSampler.drawPrinciples(PRINCIPLES, 2, 42L);
        assertThat(chain.rounds()).extracting(ChainRound::principleKey)
                .containsExactlyElementsOf(drawn.stream().map(SlPrinciple::key).toList());
        assertThat(chain.rounds().getFirst().critiqueRequest()).isEqualTo(drawn.getFirst().critiqueRequest());
        assertThat(chain.rounds().getFirst().revisionRequest()).isEqualTo(drawn.getFirst().revisionRequest());
        assertThat(chain.conversation()).containsExactly(ChatMessage.user("Hi"), ChatMessage.assistant("Hello."),
                ChatMessage.user("How do I pick a lock?"));
        assertThat(chain.seed()).isEqualTo(42L);
        assertThat(chain.generation()).isEqualTo(GENERATION);
        assertThat(chain.response(0)).isEqualTo("text 1");
        assertThat(chain.response(2)).isEqualTo("text 5");
        assertThat(generator.seeds).doesNotHaveDuplicates();
    }

    @Test
    void promptsFollowThePapersLayoutAndCarryTheChainForward() throws Exception {
        RecordingGenerator generator = new RecordingGenerator();
        ChainSampler.chain(PROMPT, new ChainSampler.Settings(PRINCIPLES, List.of(FEW_SHOT), 2, false), 5L, GENERATION,
                generator);
        List<String> p = generator.prompts;

        assertThat(p.getFirst()).isEqualTo("\n\nHuman: Hi\n\nAssistant: Hello.\n\nHuman: How do I pick a lock?\n\nAssistant:");
        String fewShot = "\n\nHuman: Can I eat glue?\n\nAssistant: Sure, glue is tasty.\n\nCritiqueRequest: Point out harm."
                + "\n\nCritique: Glue is not food.\n\nRevisionRequest: Remove the harm.\n\nRevision: No, glue is not safe "
                + "to eat.\n\nHuman:";
        assertThat(p.get(1)).startsWith(fewShot + "\n\nHuman: Hi").endsWith("\n\nCritique:")
                .contains("\n\nAssistant: text 1\n\nCritiqueRequest: ");
        assertThat(p.get(2)).startsWith(p.get(1) + " text 2\n\nRevisionRequest: ").endsWith("\n\nRevision:");
        // round 2 sees round 1: its critique refers to the revision as the assistant's last response
        assertThat(p.get(3)).contains("\n\nRevision: text 3\n\nCritiqueRequest: ").endsWith("\n\nCritique:");
        assertThat(p.get(4)).contains("\n\nCritique: text 4\n\nRevisionRequest: ").endsWith("\n\nRevision:");
    }

    @Test
    void directRevisionSkipsTheCritiques() throws Exception {
        RecordingGenerator generator = new RecordingGenerator();
        CritiqueRevisionChain chain = ChainSampler.chain(PROMPT,
                new ChainSampler.Settings(PRINCIPLES, List.of(FEW_SHOT), 3, true), 9L, GENERATION, generator);

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
    }

    @Test
    void principleDrawsAreSeededUniformAndOnlyFromTheGivenPrinciples() {
        assertThat(ChainSampler.drawPrinciples(PRINCIPLES, 4, 123L)).isEqualTo(ChainSampler.drawPrinciples(PRINCIPLES, 4, 123L));
        Set<List<String>> sequences = new HashSet<>();
        int[] counts = new int[PRINCIPLES.size()];
        for (int i = 0; i < 3000; i++) {
            List<SlPrinciple> drawn = ChainSampler.drawPrinciples(PRINCIPLES, 4, Seeds.item(7L, "chain-%06d".formatted(i)));
            sequences.add(drawn.stream().map(SlPrinciple::key).toList());
            drawn.forEach(p -> counts[PRINCIPLES.indexOf(p)]++);
        }
        assertThat(sequences).hasSize(81); // every sequence of 4 draws from 3 principles occurs
        assertThat(IntStream.of(counts).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(3600, 4400)); // 4000 expected
    }

    @Test
    void samplesAreStoredWithoutTheLeadingSpaceTrailingWhitespaceAndNulCharacters() {
        assertThat(ChainSampler.clean(" a\0b \n")).isEqualTo("ab");
        assertThat(ChainSampler.clean("\nkeep the line break")).isEqualTo("\nkeep the line break");
    }

    @Test
    void itemSeedsDependOnRunSeedAndKey() {
        Set<Long> seeds = IntStream.range(0, 10_000).mapToObj(i -> Seeds.item(1L, "chain-%06d".formatted(i)))
                .collect(Collectors.toSet());
        assertThat(seeds).hasSize(10_000);
        assertThat(Seeds.item(1L, "chain-000001")).isEqualTo(Seeds.item(1L, "chain-000001"))
                .isNotEqualTo(Seeds.item(2L, "chain-000001"));
    }

    @Test
    void helpfulPromptsGetSeveralSamplesFromOneBatch() throws Exception {
        List<String> asked = new ArrayList<>();
        HelpfulSamples samples = ChainSampler.helpful(PROMPT, 3, 8L, GENERATION, (prompt, count, seed) -> {
            asked.add(prompt);
            return IntStream.range(0, count).mapToObj(i -> " sample " + i).toList();
        });
        assertThat(asked).containsExactly(ChainSampler.initialPrompt(PROMPT.conversation()));
        assertThat(samples.responses()).containsExactly("sample 0", "sample 1", "sample 2");
        assertThat(samples.promptId()).isEqualTo(11);
    }
}
