package org.cailab.slcai;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What an SL-CAI run stores for one prompt (the output of its run item): a critique/revision chain for a red-team
 * prompt or plain samples for a helpfulness prompt. Stored as JSON with a {@code "kind"} of {@code chain} or
 * {@code helpful}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CritiqueRevisionChain.class, name = CritiqueRevisionChain.KIND),
    @JsonSubTypes.Type(value = HelpfulSamples.class, name = HelpfulSamples.KIND)
})
public sealed interface SlCaiSample permits CritiqueRevisionChain, HelpfulSamples {

    /** The prompt's id in its prompt set (the run keeps its own copy of the text). */
    long promptId();

    /** The prompt's position in its set. */
    int promptPosition();

    /** The prompt: turns that end with the human turn the model answers. */
    List<ChatMessage> conversation();

    /** The seed this prompt's draws and samples were derived from (from the run's seed and the item key). */
    long seed();

    SlCaiGeneration generation();

    /** The final human turn. */
    default String lastHumanText() {
        return conversation().getLast().content();
    }
}
