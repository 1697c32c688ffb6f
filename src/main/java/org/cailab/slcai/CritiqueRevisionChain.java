package org.cailab.slcai;

import java.util.List;
import java.util.Objects;

/**
 * A red-team prompt's critique/revision chain: the initial response and every round, each under its recorded
 * principle. The response after round {@code n} is the paper's SL-CAI-{@code n} target.
 *
 * @param directRevision whether the rounds were direct revisions without critiques (the paper's ablation)
 */
public record CritiqueRevisionChain(long promptId, int promptPosition, List<ChatMessage> conversation,
                                    String initialResponse, List<ChainRound> rounds, boolean directRevision, long seed,
                                    SlCaiGeneration generation) implements SlCaiSample {

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

    /** The response after {@code round} rounds: the initial response for 0, else that round's revision. */
    public String response(int round) {
        if (round < 0 || round > rounds.size()) {
            throw new IllegalArgumentException("The chain has rounds 0 to " + rounds.size() + ", not " + round);
        }
        return round == 0 ? initialResponse : rounds.get(round - 1).revision();
    }
}
