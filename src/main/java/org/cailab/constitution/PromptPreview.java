package org.cailab.constitution;

import java.util.List;

/**
 * The exact text a model receives for one principle of a constitution and a sample conversation, built by
 * {@link PromptFormats} with the constitution's own few-shot examples. Disabled principles can be previewed
 * too: the preview shows what the text would do, runs decide what they draw.
 */
public final class PromptPreview {

    private PromptPreview() {}

    /**
     * The prompt for {@code kind} with the principle {@code principleKey} of {@code content}.
     *
     * @throws IllegalArgumentException when the content has no principle with that key for that kind
     */
    public static String render(
            ConstitutionContent content, PromptKind kind, String principleKey, PromptSample sample) {
        return switch (kind) {
            case CRITIQUE ->
                PromptFormats.nextCritiquePrompt(
                        content.critiqueExamples(),
                        sample.conversationWithResponse(),
                        List.of(),
                        sl(content, principleKey).critiqueRequest());
            case DIRECT_REVISION ->
                PromptFormats.directRevisionPrompt(
                        content.critiqueExamples(),
                        sample.conversationWithResponse(),
                        List.of(),
                        sl(content, principleKey).revisionRequest());
            case MULTIPLE_CHOICE ->
                PromptFormats.multipleChoicePrompt(
                        content.mcExamples(),
                        sample.question(rl(content, principleKey).instruction()));
            case CHAIN_OF_THOUGHT ->
                PromptFormats.chainOfThoughtPrompt(
                        content.cotExamples(),
                        sample.question(rl(content, principleKey).instruction()));
        };
    }

    private static SlPrinciple sl(ConstitutionContent content, String key) {
        return content.slPrinciples().stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SL principle with key \"" + key + "\""));
    }

    private static RlPrinciple rl(ConstitutionContent content, String key) {
        return content.rlPrinciples().stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no RL principle with key \"" + key + "\""));
    }
}
