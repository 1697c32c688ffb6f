package org.cailab.slcai;

import org.cailab.constitution.Conversation;
import org.cailab.constitution.CritiqueRevisionExample;
import org.cailab.constitution.CritiqueRevisionRound;
import org.cailab.constitution.PromptFormats;
import org.cailab.constitution.SlPrinciple;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Samples one red-team prompt's critique/revision chain, or a helpfulness prompt's plain samples, in the paper's
 * formats ({@link PromptFormats}). Pure logic over a {@link TextGenerator}: the principle of each round is drawn
 * uniformly (with replacement) from the enabled principles with a generator seeded from the item seed, and every
 * sample gets its own derived seed, so a chain is reproducible from the run's seed and the item key.
 *
 * <p>Each round sees the whole chain so far (the paper's layout, which the few-shot examples demonstrate): the
 * previous round's revision is the assistant response the next critique request refers to.
 */
final class ChainSampler {

    /** Samples a continuation of a prompt with a seed; the stop sequences are the caller's. */
    @FunctionalInterface
    interface TextGenerator {
        String generate(String prompt, long seed) throws Exception;
    }

    /** Samples several continuations of one prompt at once (batched), each with its own seed derived from one. */
    @FunctionalInterface
    interface BatchGenerator {
        List<String> generate(String prompt, int count, long seed) throws Exception;
    }

    /**
     * What every chain of a run uses.
     *
     * @param principles the enabled SL principles, in the constitution's order
     * @param fewShots   the few-shot examples put in front of every critique and revision prompt
     */
    record Settings(List<SlPrinciple> principles, List<CritiqueRevisionExample> fewShots, int rounds,
                    boolean directRevision) {

        Settings {
            principles = List.copyOf(principles);
            fewShots = List.copyOf(fewShots);
            if (principles.isEmpty() && rounds > 0) {
                throw new IllegalArgumentException("No principle to draw from");
            }
        }
    }

    private ChainSampler() {
    }

    /** The principles drawn for a chain's rounds: depends only on the seed and the principle list. */
    static List<SlPrinciple> drawPrinciples(List<SlPrinciple> principles, int rounds, long itemSeed) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(itemSeed, Seeds.PRINCIPLES));
        List<SlPrinciple> drawn = new ArrayList<>(rounds);
        for (int i = 0; i < rounds; i++) {
            drawn.add(principles.get(random.nextInt(principles.size())));
        }
        return drawn;
    }

    static CritiqueRevisionChain chain(SlCaiItemInput prompt, Settings settings, long itemSeed,
                                       SlCaiGeneration generation, TextGenerator generator) throws Exception {
        Conversation conversation = prompt.conversation();
        String initial = clean(generator.generate(initialPrompt(conversation),
                Seeds.derive(itemSeed, Seeds.INITIAL_RESPONSE)));
        Conversation answered = conversation.with(Conversation.Speaker.ASSISTANT, initial);
        List<CritiqueRevisionRound> done = new ArrayList<>();
        List<ChainRound> rounds = new ArrayList<>();
        List<SlPrinciple> principles = drawPrinciples(settings.principles(), settings.rounds(), itemSeed);
        for (int r = 1; r <= settings.rounds(); r++) {
            SlPrinciple principle = principles.get(r - 1);
            CritiqueRevisionRound round;
            if (settings.directRevision()) {
                String revision = clean(generator.generate(PromptFormats.directRevisionPrompt(settings.fewShots(),
                        answered, done, principle.revisionRequest()), Seeds.round(itemSeed, r, true)));
                round = CritiqueRevisionRound.direct(principle.revisionRequest(), revision);
            } else {
                String critique = clean(generator.generate(PromptFormats.nextCritiquePrompt(settings.fewShots(),
                        answered, done, principle.critiqueRequest()), Seeds.round(itemSeed, r, false)));
                String revision = clean(generator.generate(PromptFormats.nextRevisionPrompt(settings.fewShots(),
                        answered, done, principle.critiqueRequest(), critique, principle.revisionRequest()),
                        Seeds.round(itemSeed, r, true)));
                round = new CritiqueRevisionRound(principle.critiqueRequest(), critique, principle.revisionRequest(),
                        revision);
            }
            done.add(round);
            rounds.add(new ChainRound(r, principle.key(), round.critiqueRequest(), round.critique(),
                    round.revisionRequest(), round.revision()));
        }
        return new CritiqueRevisionChain(prompt.promptId(), prompt.position(), prompt.messages(), initial, rounds,
                settings.directRevision(), itemSeed, generation);
    }

    static HelpfulSamples helpful(SlCaiItemInput prompt, int samples, long itemSeed, SlCaiGeneration generation,
                                  BatchGenerator generator) throws Exception {
        List<String> responses = generator.generate(initialPrompt(prompt.conversation()), samples,
                Seeds.derive(itemSeed, Seeds.INITIAL_RESPONSE)).stream().map(ChainSampler::clean).toList();
        return new HelpfulSamples(prompt.promptId(), prompt.position(), prompt.messages(), responses, itemSeed,
                generation);
    }

    /** The conversation and the assistant's turn marker: the policy continues as the assistant. */
    static String initialPrompt(Conversation conversation) {
        return conversation.render() + PromptFormats.ASSISTANT_MARKER;
    }

    /**
     * A sample as stored: without the space the model writes after a colon, without trailing whitespace, and without
     * NUL characters, which a byte-level model can produce but PostgreSQL cannot store (not even escaped in jsonb).
     */
    static String clean(String sample) {
        return PromptFormats.sampleText(sample.replace("\0", "")).stripTrailing();
    }
}
