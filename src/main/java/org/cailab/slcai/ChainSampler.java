package org.cailab.slcai;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cailab.constitution.CritiqueRevisionExample;
import org.cailab.constitution.CritiqueRevisionRound;
import org.cailab.constitution.PromptFormats;
import org.cailab.constitution.SlPrinciple;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;

/**
 * Samples one red-team prompt's critique/revision chain, or a helpfulness prompt's plain samples, in the paper's
 * formats ({@link PromptFormats}). Pure logic over a {@link TextGenerator}: the principle of each round is drawn
 * uniformly (with replacement) from the enabled principles with a generator seeded from the item seed, and every
 * sample gets its own derived seed, so a chain is reproducible from the run's seed and the item key.
 *
 * <p>What a round sees of the earlier rounds is the run's {@link ChainLayout}. The default is the paper's: "since
 * the final prompt-revision pair is formatted in the same manner as the original prompt-response pair", round
 * {@code k} critiques revision {@code k-1} as the assistant's response to the conversation, with no trace of the
 * earlier critiques, exactly the shape of the one-round few-shot examples in front of it.
 */
final class ChainSampler {

    /** Samples a continuation of a prompt with a seed; the stop sequences are the caller's. */
    @FunctionalInterface
    interface TextGenerator {
        Sampled generate(String prompt, long seed) throws Exception;
    }

    /** Samples several continuations of one prompt at once (batched), each with its own seed derived from one. */
    @FunctionalInterface
    interface BatchGenerator {
        List<Sampled> generate(String prompt, int count, long seed) throws Exception;
    }

    /**
     * What every chain of a run uses.
     *
     * @param principles the enabled SL principles, in the constitution's order
     * @param fewShots   the few-shot examples put in front of every critique and revision prompt
     */
    record Settings(
            List<SlPrinciple> principles,
            List<CritiqueRevisionExample> fewShots,
            int rounds,
            boolean directRevision,
            ChainLayout layout) {

        Settings {
            principles = List.copyOf(principles);
            fewShots = List.copyOf(fewShots);
            if (principles.isEmpty() && rounds > 0) {
                throw new IllegalArgumentException("No principle to draw from");
            }
        }
    }

    private ChainSampler() {}

    /** The principles drawn for a chain's rounds: depends only on the seed and the principle list. */
    static List<SlPrinciple> drawPrinciples(List<SlPrinciple> principles, int rounds, long itemSeed) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(itemSeed, Seeds.PRINCIPLES));
        List<SlPrinciple> drawn = new ArrayList<>(rounds);
        for (int i = 0; i < rounds; i++) {
            drawn.add(principles.get(random.nextInt(principles.size())));
        }
        return drawn;
    }

    static CritiqueRevisionChain chain(
            SlCaiItemInput prompt,
            Settings settings,
            long itemSeed,
            SlCaiGeneration generation,
            TextGenerator generator)
            throws Exception {
        Conversation conversation = prompt.conversation();
        Sampled initial =
                clean(generator.generate(initialPrompt(conversation), Seeds.derive(itemSeed, Seeds.INITIAL_RESPONSE)));
        List<CritiqueRevisionRound> done = new ArrayList<>();
        List<ChainRound> rounds = new ArrayList<>();
        List<SlPrinciple> principles = drawPrinciples(settings.principles(), settings.rounds(), itemSeed);
        String response = initial.text();
        for (int r = 1; r <= settings.rounds(); r++) {
            SlPrinciple principle = principles.get(r - 1);
            // pair: the conversation with the latest response, nothing before it; cumulative: the whole chain so far
            boolean pair = settings.layout() == ChainLayout.PAIR;
            Conversation answered = conversation.with(Turn.Speaker.ASSISTANT, pair ? response : initial.text());
            List<CritiqueRevisionRound> before = pair ? List.of() : done;
            ChainRound round;
            if (settings.directRevision()) {
                Sampled revision = clean(generator.generate(
                        PromptFormats.directRevisionPrompt(
                                settings.fewShots(), answered, before, principle.revisionRequest()),
                        Seeds.round(itemSeed, r, true)));
                round = new ChainRound(
                        r,
                        principle.key(),
                        null,
                        null,
                        principle.revisionRequest(),
                        revision.text(),
                        false,
                        revision.truncated());
            } else {
                Sampled critique = clean(generator.generate(
                        PromptFormats.nextCritiquePrompt(
                                settings.fewShots(), answered, before, principle.critiqueRequest()),
                        Seeds.round(itemSeed, r, false)));
                Sampled revision = clean(generator.generate(
                        PromptFormats.nextRevisionPrompt(
                                settings.fewShots(),
                                answered,
                                before,
                                principle.critiqueRequest(),
                                critique.text(),
                                principle.revisionRequest()),
                        Seeds.round(itemSeed, r, true)));
                round = new ChainRound(
                        r,
                        principle.key(),
                        principle.critiqueRequest(),
                        critique.text(),
                        principle.revisionRequest(),
                        revision.text(),
                        critique.truncated(),
                        revision.truncated());
            }
            done.add(new CritiqueRevisionRound(
                    round.critiqueRequest(), round.critique(), round.revisionRequest(), round.revision()));
            rounds.add(round);
            response = round.revision();
        }
        return new CritiqueRevisionChain(
                prompt.promptId(),
                prompt.position(),
                prompt.messages(),
                initial.text(),
                rounds,
                settings.directRevision(),
                itemSeed,
                generation,
                initial.truncated(),
                settings.layout());
    }

    static HelpfulSamples helpful(
            SlCaiItemInput prompt, int samples, long itemSeed, SlCaiGeneration generation, BatchGenerator generator)
            throws Exception {
        List<Sampled> responses = generator
                .generate(initialPrompt(prompt.conversation()), samples, Seeds.derive(itemSeed, Seeds.INITIAL_RESPONSE))
                .stream()
                .map(ChainSampler::clean)
                .toList();
        return new HelpfulSamples(
                prompt.promptId(),
                prompt.position(),
                prompt.messages(),
                responses.stream().map(Sampled::text).toList(),
                itemSeed,
                generation,
                responses.stream().map(Sampled::truncated).toList());
    }

    /** The conversation and the assistant's turn marker: the policy continues as the assistant. */
    static String initialPrompt(Conversation conversation) {
        return conversation.prompt();
    }

    static Sampled clean(Sampled sample) {
        return new Sampled(clean(sample.text()), sample.truncated());
    }

    /**
     * A sample as stored: nothing from the first turn marker or section header on (the stop sequences end sampling
     * there; this also holds for a backend that ignores them), without the space the model writes after a colon,
     * without trailing whitespace, and without NUL characters, which a byte-level model can produce but PostgreSQL
     * cannot store (not even escaped in jsonb).
     */
    static String clean(String sample) {
        String text = sample.replace("\0", "");
        int end = text.length();
        for (String stop : PromptFormats.CRITIQUE_REVISION_STOPS) {
            int at = text.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return PromptFormats.sampleText(text.substring(0, end)).stripTrailing();
    }
}
