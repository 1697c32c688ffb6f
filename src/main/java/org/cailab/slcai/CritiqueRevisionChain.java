package org.cailab.slcai;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A red-team prompt's critique/revision chain: the initial response and every round, each under its recorded
 * principle. The responses after rounds 1 to {@code n} are the paper's SL-CAI-{@code n} targets.
 *
 * @param directRevision   whether the rounds were direct revisions without critiques (the paper's ablation)
 * @param initialTruncated whether the initial response stopped at the token limit
 * @param layout           what each round saw of the rounds before it; {@code null} in chains stored before layouts
 *                         were recorded, which were made {@linkplain ChainLayout#CUMULATIVE cumulatively} (see
 *                         {@link #chainLayout()})
 */
public record CritiqueRevisionChain(
        long promptId,
        int promptPosition,
        List<ChatMessage> conversation,
        String initialResponse,
        List<ChainRound> rounds,
        boolean directRevision,
        long seed,
        SlCaiGeneration generation,
        boolean initialTruncated,
        @Nullable ChainLayout layout)
        implements SlCaiSample {

    static final String KIND = "chain";

    public CritiqueRevisionChain {
        conversation = List.copyOf(conversation);
        rounds = List.copyOf(rounds);
        Objects.requireNonNull(initialResponse, "initialResponse");
        Objects.requireNonNull(generation, "generation");
        if (conversation.isEmpty() || !conversation.getLast().role().equals(ChatMessage.USER)) {
            throw new IllegalArgumentException("A chain's prompt must end with a user turn");
        }
    }

    /** A chain in the paper's layout whose samples all ended before the token limit. */
    public CritiqueRevisionChain(
            long promptId,
            int promptPosition,
            List<ChatMessage> conversation,
            String initialResponse,
            List<ChainRound> rounds,
            boolean directRevision,
            long seed,
            SlCaiGeneration generation) {
        this(
                promptId,
                promptPosition,
                conversation,
                initialResponse,
                rounds,
                directRevision,
                seed,
                generation,
                false,
                ChainLayout.PAIR);
    }

    /** The response after {@code round} rounds: the initial response for 0, else that round's revision. */
    public String response(int round) {
        checkRound(round);
        return round == 0 ? initialResponse : rounds.get(round - 1).revision();
    }

    /** Whether the response after {@code round} rounds stopped at the token limit. */
    public boolean responseTruncated(int round) {
        checkRound(round);
        return round == 0 ? initialTruncated : rounds.get(round - 1).revisionTruncated();
    }

    /** The layout the chain was made with ({@link ChainLayout#CUMULATIVE} for chains stored before it was recorded). */
    public ChainLayout chainLayout() {
        return layout == null ? ChainLayout.CUMULATIVE : layout;
    }

    /** Whether any sample of the chain (initial response, critique or revision) stopped at the token limit. */
    public boolean anyTruncated() {
        return initialTruncated || rounds.stream().anyMatch(r -> r.critiqueTruncated() || r.revisionTruncated());
    }

    private void checkRound(int round) {
        if (round < 0 || round > rounds.size()) {
            throw new IllegalArgumentException("The chain has rounds 0 to " + rounds.size() + ", not " + round);
        }
    }
}
