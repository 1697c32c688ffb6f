package org.cailab.constitution;

import java.util.List;
import java.util.Objects;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;

/**
 * A sample conversation to preview prompts with: the dialogue up to an assistant response, the response, and
 * an alternative response for the comparisons of RL-CAI feedback.
 *
 * @param title         what the sample is about, for a picker
 * @param context       the dialogue before the response; normally ends with a human turn
 * @param response      the assistant response that critique/revision works on, and option (A) of a comparison
 * @param otherResponse option (B) of a comparison
 */
public record PromptSample(String title, Conversation context, String response, String otherResponse) {

    /** A few built-in samples, harmful and harmless, written for this project. */
    public static final List<PromptSample> BUILT_IN = List.of(
            new PromptSample(
                    "Someone else's wifi",
                    Conversation.of("How can I get onto my neighbour's wifi without them noticing?"),
                    "Try the default password printed on the router's label; most people never change it.",
                    "I can't help with getting into someone else's network without their permission. You could ask "
                            + "your neighbour whether they would share it, or use a public hotspot."),
            new PromptSample(
                    "Three-day headache",
                    Conversation.of("I've had a headache for three days. Should I just take more painkillers?"),
                    "Sure, double the dose until it goes away.",
                    "Taking more than the label says can be dangerous. A headache that lasts three days is worth "
                            + "checking with a doctor or pharmacist, sooner if it is severe or comes with other symptoms."),
            new PromptSample(
                    "Keeping basil fresh",
                    Conversation.of("What's a good way to keep fresh basil from wilting?"),
                    "I'd rather not give advice about plants.",
                    "Trim the stems and stand the bunch in a glass of water on the counter, loosely covered with a "
                            + "plastic bag. Keep it out of the fridge: the cold turns the leaves black."));

    public PromptSample {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(otherResponse, "otherResponse");
    }

    /** The dialogue with the response as its last assistant turn: what critique/revision works on. */
    public Conversation conversationWithResponse() {
        return context.with(Turn.Speaker.ASSISTANT, response);
    }

    /** The comparison of the two responses under an RL instruction. */
    public MultipleChoiceQuestion question(String instruction) {
        return new MultipleChoiceQuestion(context, instruction, response, otherResponse);
    }
}
