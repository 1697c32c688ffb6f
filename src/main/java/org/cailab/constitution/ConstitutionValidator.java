package org.cailab.constitution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a constitution can be rendered into prompts and parsed back: keys are unique and
 * well-formed, principle texts are single clean paragraphs free of reserved markers, examples are
 * complete. Importers refuse what fails here; editors can show the problems as field errors.
 */
public final class ConstitutionValidator {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private ConstitutionValidator() {}

    /** All problems of the content, in order; empty when it is valid. */
    public static List<ValidationProblem> validate(ConstitutionContent content) {
        List<ValidationProblem> problems = new ArrayList<>();
        Set<String> slKeys = new HashSet<>();
        for (int i = 0; i < content.slPrinciples().size(); i++) {
            SlPrinciple principle = content.slPrinciples().get(i);
            String entry = "slPrinciples[" + i + "] (" + principle.key() + ")";
            slPrincipleProblems(principle).forEach(p -> problems.add(problem(entry, p)));
            if (!slKeys.add(principle.key())) {
                problems.add(new ValidationProblem(entry, "key", "duplicates an earlier SL principle's key"));
            }
        }
        Set<String> rlKeys = new HashSet<>();
        for (int i = 0; i < content.rlPrinciples().size(); i++) {
            RlPrinciple principle = content.rlPrinciples().get(i);
            String entry = "rlPrinciples[" + i + "] (" + principle.key() + ")";
            rlPrincipleProblems(principle).forEach(p -> problems.add(problem(entry, p)));
            if (!rlKeys.add(principle.key())) {
                problems.add(new ValidationProblem(entry, "key", "duplicates an earlier RL principle's key"));
            }
        }
        for (int i = 0; i < content.critiqueExamples().size(); i++) {
            String entry = "critiqueExamples[" + i + "]";
            critiqueExampleProblems(content.critiqueExamples().get(i)).forEach(p -> problems.add(problem(entry, p)));
        }
        for (int i = 0; i < content.mcExamples().size(); i++) {
            String entry = "mcExamples[" + i + "]";
            mcExampleProblems(content.mcExamples().get(i)).forEach(p -> problems.add(problem(entry, p)));
        }
        for (int i = 0; i < content.cotExamples().size(); i++) {
            String entry = "cotExamples[" + i + "]";
            cotExampleProblems(content.cotExamples().get(i)).forEach(p -> problems.add(problem(entry, p)));
        }
        return List.copyOf(problems);
    }

    /** Problems of one SL principle, each as {@code "field: message"}. */
    public static List<String> slPrincipleProblems(SlPrinciple principle) {
        List<String> problems = new ArrayList<>(keyProblems(principle.key()));
        text(problems, "critiqueRequest", principle.critiqueRequest(), true);
        text(problems, "revisionRequest", principle.revisionRequest(), true);
        return problems;
    }

    /** Problems of one RL principle, each as {@code "field: message"}. */
    public static List<String> rlPrincipleProblems(RlPrinciple principle) {
        List<String> problems = new ArrayList<>(keyProblems(principle.key()));
        text(problems, "instruction", principle.instruction(), true);
        return problems;
    }

    /** Problems of one critique/revision example, each as {@code "field: message"}. */
    public static List<String> critiqueExampleProblems(CritiqueRevisionExample example) {
        List<String> problems = new ArrayList<>();
        conversation(problems, example.conversation(), Turn.Speaker.ASSISTANT);
        if (example.rounds().isEmpty()) {
            problems.add("rounds: needs at least one critique/revision round");
        }
        for (int i = 0; i < example.rounds().size(); i++) {
            CritiqueRevisionRound round = example.rounds().get(i);
            String field = "rounds[" + i + "].";
            if (round.critiqueRequest() != null && round.critique() != null) {
                text(problems, field + "critiqueRequest", round.critiqueRequest(), true);
                text(problems, field + "critique", round.critique(), false);
            }
            text(problems, field + "revisionRequest", round.revisionRequest(), true);
            text(problems, field + "revision", round.revision(), false);
        }
        return problems;
    }

    /** Problems of one multiple-choice example, each as {@code "field: message"}. */
    public static List<String> mcExampleProblems(MultipleChoiceExample example) {
        return comparisonProblems(
                example.conversation(), example.instruction(), example.responseA(), example.responseB(), null);
    }

    /** Problems of one chain-of-thought example, each as {@code "field: message"}. */
    public static List<String> cotExampleProblems(ChainOfThoughtExample example) {
        return comparisonProblems(
                example.conversation(),
                example.instruction(),
                example.responseA(),
                example.responseB(),
                example.reasoning());
    }

    private static List<String> comparisonProblems(
            Conversation conversation, @Nullable String instruction, String a, String b, @Nullable String reasoning) {
        List<String> problems = new ArrayList<>();
        conversation(problems, conversation, null);
        if (instruction != null) {
            text(problems, "instruction", instruction, true);
        }
        text(problems, "responseA", a, false);
        text(problems, "responseB", b, false);
        if (reasoning != null) {
            text(problems, "reasoning", reasoning, false);
        }
        return problems;
    }

    private static void conversation(
            List<String> problems, Conversation conversation, Turn.@Nullable Speaker lastSpeaker) {
        if (conversation.isEmpty()) {
            problems.add("conversation: needs at least one turn");
            return;
        }
        if (lastSpeaker != null && conversation.lastTurn().speaker() != lastSpeaker) {
            problems.add("conversation: must end with the " + lastSpeaker.name().toLowerCase() + "'s turn");
        }
        for (int i = 0; i < conversation.turns().size(); i++) {
            text(
                    problems,
                    "conversation[" + i + "]",
                    conversation.turns().get(i).text(),
                    false);
        }
    }

    /** Principle texts must be clean paragraphs; example texts keep their whitespace but not markers. */
    private static void text(List<String> problems, String field, String text, boolean principle) {
        List<String> found = principle
                ? PromptFormats.principleTextProblems(text)
                : text.isBlank() ? List.of("must not be empty") : PromptFormats.reservedMarkerProblems(text);
        found.forEach(message -> problems.add(field + ": " + message));
    }

    private static List<String> keyProblems(String key) {
        return KEY.matcher(key).matches()
                ? List.of()
                : List.of("key: must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }

    private static ValidationProblem problem(String entry, String fieldAndMessage) {
        int colon = fieldAndMessage.indexOf(": ");
        return new ValidationProblem(entry, fieldAndMessage.substring(0, colon), fieldAndMessage.substring(colon + 2));
    }
}
