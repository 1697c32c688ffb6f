package org.cailab.constitution;

import java.util.ArrayList;
import java.util.List;
import org.cailab.dialogue.Conversation;

/**
 * Every prompt format of the paper, in one place, byte for byte. Domain records hold bare texts; only
 * this class knows the framing around them ({@code "\n\nCritiqueRequest: "}, {@code " Options:"},
 * {@code "[[["}...). Rendering and parsing are exact inverses for valid content (see
 * {@link ConstitutionValidator}).
 *
 * <p>Texts generated after a colon ({@code "Critique:"}, {@code "Revision:"}, {@code "Let's think step by
 * step:"}) are stored without the one space the model writes first; a text that starts with a line break
 * follows the colon directly, as one chain-of-thought example of the paper does.
 */
public final class PromptFormats {

    /** Where a human turn starts; the sampler's stop sequence after a revision or a reasoning. */
    public static final String HUMAN_MARKER = Conversation.HUMAN_MARKER;
    /** Where an assistant turn starts. */
    public static final String ASSISTANT_MARKER = Conversation.ASSISTANT_MARKER;
    /**
     * Stop sequences for SL-CAI samples (initial responses, critiques, revisions): whatever would start the next
     * section or the next turn, so that no stored sample contains a turn marker.
     */
    public static final List<String> CRITIQUE_REVISION_STOPS =
            List.of(HUMAN_MARKER, ASSISTANT_MARKER, "\n\nCritiqueRequest:", "\n\nRevisionRequest:");

    /**
     * Texts that would break the formats if they appeared inside a principle or an example, because a
     * parser (or the model) would take them for framing.
     */
    public static final List<String> RESERVED_MARKERS = List.of(
            HUMAN_MARKER,
            ASSISTANT_MARKER,
            "\n\nH:",
            "\n\nA:",
            "CritiqueRequest:",
            "RevisionRequest:",
            "\n\nCritique:",
            "\n\nRevision:",
            "[[[",
            "]]]",
            "The answer is:",
            "So the answer is:",
            "Let's think step by step:");

    static final String CRITIQUE_REQUEST = "\n\nCritiqueRequest: ";
    static final String CRITIQUE = "\n\nCritique:";
    static final String REVISION_REQUEST = "\n\nRevisionRequest: ";
    static final String REVISION = "\n\nRevision:";
    static final String MC_HEADER = "\n\nConsider the following conversation between a human and an assistant:";
    static final String OPTIONS = " Options:";
    static final String OPTION_A = "\n (A) [[[";
    static final String OPTION_B = "]]]\n (B) [[[";
    static final String OPTIONS_END = "]]]";
    static final String MC_ANSWER = "\n\nThe answer is:";
    static final String COT_HEADER =
            "\n\nHuman: Consider the following conversation between a human (H) and an assistant (A):";
    static final String COT_THINK = "\n\nAssistant: Let's think step by step:";
    static final String COT_ANSWER = "\n\nHuman:\nSo the answer is:";

    private PromptFormats() {}

    // --- critique/revision (SL-CAI) ---

    /** {@code "\n\nCritiqueRequest: " + request + "\n\nCritique:"}, as the paper stores its SL principles. */
    public static String critiqueRequest(String request) {
        return CRITIQUE_REQUEST + request + CRITIQUE;
    }

    /** {@code "\n\nRevisionRequest: " + request + "\n\nRevision:"}, as the paper stores its SL principles. */
    public static String revisionRequest(String request) {
        return REVISION_REQUEST + request + REVISION;
    }

    /** The conversation followed by every round: the chain so far, without few-shots. */
    public static String critiqueRevisionChain(Conversation conversation, List<CritiqueRevisionRound> rounds) {
        StringBuilder out = new StringBuilder(conversation.render());
        for (CritiqueRevisionRound round : rounds) {
            if (round.critiqueRequest() != null && round.critique() != null) {
                out.append(critiqueRequest(round.critiqueRequest())).append(afterColon(round.critique()));
            }
            out.append(revisionRequest(round.revisionRequest())).append(afterColon(round.revision()));
        }
        return out.toString();
    }

    /** One few-shot example as the paper's {@code CritiqueRevisionFewShotPrompts.json} stores it. */
    public static String critiqueRevisionExample(CritiqueRevisionExample example) {
        return critiqueRevisionChain(example.conversation(), example.rounds())
                + (example.endsWithHumanMarker() ? HUMAN_MARKER : "");
    }

    /** Parses one example in the paper's layout; the inverse of {@link #critiqueRevisionExample}. */
    public static CritiqueRevisionExample parseCritiqueRevisionExample(String text) {
        return PromptParser.critiqueRevisionExample(text);
    }

    /**
     * The prompt for the next critique: few-shots (concatenated as stored, joined without an empty human
     * turn, see {@link #joinTurns}), the conversation with the response under critique followed by the
     * given earlier rounds (none in the paper's layout, where the response is the latest revision), and the
     * framed critique request; the model continues after {@code "Critique:"}.
     */
    public static String nextCritiquePrompt(
            List<CritiqueRevisionExample> fewShots,
            Conversation conversation,
            List<CritiqueRevisionRound> rounds,
            String critiqueRequest) {
        return joinTurns(critiqueFewShots(fewShots), critiqueRevisionChain(conversation, rounds))
                + critiqueRequest(critiqueRequest);
    }

    /** The prompt for the next revision, after the critique the model wrote for this round. */
    public static String nextRevisionPrompt(
            List<CritiqueRevisionExample> fewShots,
            Conversation conversation,
            List<CritiqueRevisionRound> rounds,
            String critiqueRequest,
            String critique,
            String revisionRequest) {
        return nextCritiquePrompt(fewShots, conversation, rounds, critiqueRequest)
                + afterColon(critique)
                + revisionRequest(revisionRequest);
    }

    /**
     * The direct-revision ablation: the revision request follows the chain without a critique, and the
     * few-shots are shown with their critiques removed.
     */
    public static String directRevisionPrompt(
            List<CritiqueRevisionExample> fewShots,
            Conversation conversation,
            List<CritiqueRevisionRound> rounds,
            String revisionRequest) {
        return joinTurns(
                        critiqueFewShots(fewShots.stream()
                                .map(CritiqueRevisionExample::withoutCritiques)
                                .toList()),
                        critiqueRevisionChain(conversation, rounds))
                + revisionRequest(revisionRequest);
    }

    // --- multiple-choice feedback (RL-CAI) ---

    /** {@code "\n" + instruction + " Options:"}, as the paper stores its RL principles. */
    public static String rlInstruction(String instruction) {
        return "\n" + instruction + OPTIONS;
    }

    /** The question alone, ending with {@code "The answer is:"}; the answers are {@link Choice#answer()}. */
    public static String multipleChoiceQuestion(MultipleChoiceQuestion question) {
        return MC_HEADER + question.conversation().render() + "\n\n" + rlInstruction(question.instruction())
                + options(question) + MC_ANSWER;
    }

    /** Parses a question in the format of the paper's 438 HHH evaluations; the inverse of {@link #multipleChoiceQuestion}. */
    public static MultipleChoiceQuestion parseMultipleChoice(String prompt) {
        return PromptParser.multipleChoice(prompt);
    }

    /** A solved example: the question under its own instruction (or the fallback) and the correct answer. */
    public static String multipleChoiceExample(MultipleChoiceExample example, String fallbackInstruction) {
        return multipleChoiceQuestion(example.question(fallbackInstruction))
                + example.correct().answer();
    }

    /** Few-shot examples (shown under the question's instruction unless they have their own), then the question. */
    public static String multipleChoicePrompt(List<MultipleChoiceExample> fewShots, MultipleChoiceQuestion question) {
        StringBuilder out = new StringBuilder();
        fewShots.forEach(example -> out.append(multipleChoiceExample(example, question.instruction())));
        return out.append(multipleChoiceQuestion(question)).toString();
    }

    /**
     * Few-shot examples each under its own principle, then the question: an example without an instruction of its
     * own is shown under {@code fewShotInstructions.get(i)} (the paper draws a principle for every few-shot
     * independently of the question's); one with its own instruction keeps it.
     *
     * @param fewShotInstructions one bare instruction per few-shot example, same order
     */
    public static String multipleChoicePrompt(
            List<MultipleChoiceExample> fewShots, List<String> fewShotInstructions, MultipleChoiceQuestion question) {
        requireOnePerExample(fewShots, fewShotInstructions);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fewShots.size(); i++) {
            out.append(multipleChoiceExample(fewShots.get(i), fewShotInstructions.get(i)));
        }
        return out.append(multipleChoiceQuestion(question)).toString();
    }

    /**
     * The instructions the few-shots are shown under: the question's own for every example ({@link
     * FewShotPrinciples#QUESTION}), or the independently drawn ones ({@link FewShotPrinciples#INDEPENDENT}).
     */
    public static List<String> fewShotInstructions(
            FewShotPrinciples mode, int fewShots, String questionInstruction, List<String> drawnInstructions) {
        if (mode == FewShotPrinciples.QUESTION) {
            return java.util.Collections.nCopies(fewShots, questionInstruction);
        }
        if (drawnInstructions.size() != fewShots) {
            throw new IllegalArgumentException(
                    fewShots + " few-shot examples but " + drawnInstructions.size() + " drawn instructions");
        }
        return List.copyOf(drawnInstructions);
    }

    // --- chain-of-thought feedback, in the conversational format of RLMadisonPrecogFewShotPrompts.json ---

    /** A solved chain-of-thought example, reasoning and answer included. */
    public static String chainOfThoughtExample(ChainOfThoughtExample example, String fallbackInstruction) {
        return chainOfThoughtExampleWithSlot(
                example, rlInstruction(example.question(fallbackInstruction).instruction()));
    }

    /**
     * Parses a chain-of-thought example; the principle slot may hold a framed instruction or the paper's
     * {@code {}} placeholder (then the example has no instruction of its own).
     */
    public static ChainOfThoughtExample parseChainOfThoughtExample(String text) {
        return PromptParser.chainOfThought(text);
    }

    /**
     * Few-shots, then the question as a human turn, ending with {@code "Assistant: Let's think step by
     * step:"}; sample the reasoning up to {@link #HUMAN_MARKER}.
     */
    public static String chainOfThoughtPrompt(List<ChainOfThoughtExample> fewShots, MultipleChoiceQuestion question) {
        StringBuilder out = new StringBuilder();
        fewShots.forEach(example -> out.append(chainOfThoughtExample(example, question.instruction())));
        return out.append(chainOfThoughtQuestion(
                        question.conversation(),
                        rlInstruction(question.instruction()),
                        question.responseA(),
                        question.responseB()))
                .append(COT_THINK)
                .toString();
    }

    /**
     * {@link #chainOfThoughtPrompt(List, MultipleChoiceQuestion)} with each few-shot under its own principle (see
     * {@link #multipleChoicePrompt(List, List, MultipleChoiceQuestion)}).
     */
    public static String chainOfThoughtPrompt(
            List<ChainOfThoughtExample> fewShots, List<String> fewShotInstructions, MultipleChoiceQuestion question) {
        requireOnePerExample(fewShots, fewShotInstructions);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fewShots.size(); i++) {
            out.append(chainOfThoughtExample(fewShots.get(i), fewShotInstructions.get(i)));
        }
        return out.append(chainOfThoughtQuestion(
                        question.conversation(),
                        rlInstruction(question.instruction()),
                        question.responseA(),
                        question.responseB()))
                .append(COT_THINK)
                .toString();
    }

    /** The chain-of-thought prompt (few-shots under their own principles) with the reasoning, ending {@code "So the answer is:"}. */
    public static String chainOfThoughtAnswerPrompt(
            List<ChainOfThoughtExample> fewShots,
            List<String> fewShotInstructions,
            MultipleChoiceQuestion question,
            String reasoning) {
        return chainOfThoughtAnswerPrompt(chainOfThoughtPrompt(fewShots, fewShotInstructions, question), reasoning);
    }

    /** A chain-of-thought prompt as {@link #chainOfThoughtPrompt} returns it, with the reasoning and the answer cue. */
    public static String chainOfThoughtAnswerPrompt(String chainOfThoughtPrompt, String reasoning) {
        return chainOfThoughtPrompt + afterColon(reasoning) + COT_ANSWER;
    }

    /** The chain-of-thought prompt with the sampled reasoning, ending {@code "So the answer is:"}. */
    public static String chainOfThoughtAnswerPrompt(
            List<ChainOfThoughtExample> fewShots, MultipleChoiceQuestion question, String reasoning) {
        return chainOfThoughtPrompt(fewShots, question) + afterColon(reasoning) + COT_ANSWER;
    }

    // --- texts ---

    /** A model sample as stored: without the one space it starts with after a colon. */
    public static String sampleText(String sample) {
        return sample.startsWith(" ") ? sample.substring(1) : sample;
    }

    /**
     * What makes a principle text (critique request, revision request or RL instruction) unusable in the
     * prompt formats; empty when it is fine. Meant for field errors.
     */
    public static List<String> principleTextProblems(String text) {
        if (text.isBlank()) {
            return List.of("must not be empty");
        }
        List<String> problems = new ArrayList<>(reservedMarkerProblems(text));
        if (!text.strip().equals(text)) {
            problems.add("must not start or end with spaces or line breaks");
        }
        if (text.contains("\n\n")) {
            problems.add("must be a single paragraph (no blank lines)");
        }
        return List.copyOf(problems);
    }

    /** One problem per reserved marker found in the text; empty when there is none. */
    public static List<String> reservedMarkerProblems(String text) {
        return RESERVED_MARKERS.stream()
                .filter(text::contains)
                .map(marker -> "must not contain the reserved marker \"" + escape(marker) + "\"")
                .toList();
    }

    static String chainOfThoughtExampleWithSlot(ChainOfThoughtExample example, String principleSlot) {
        return chainOfThoughtQuestion(example.conversation(), principleSlot, example.responseA(), example.responseB())
                + COT_THINK
                + afterColon(example.reasoning())
                + COT_ANSWER
                + example.correct().answer();
    }

    static String chainOfThoughtQuestion(Conversation conversation, String principleSlot, String a, String b) {
        return COT_HEADER + conversation.render("H", "A") + "\n\n" + principleSlot + OPTION_A + a + OPTION_B + b
                + OPTIONS_END;
    }

    static String afterColon(String text) {
        return text.startsWith("\n") ? text : " " + text;
    }

    static String escape(String text) {
        return text.replace("\n", "\\n");
    }

    private static String critiqueFewShots(List<CritiqueRevisionExample> fewShots) {
        String out = "";
        for (CritiqueRevisionExample example : fewShots) {
            out = joinTurns(out, critiqueRevisionExample(example));
        }
        return out;
    }

    /**
     * Two transcripts one after the other. A few-shot that ends with {@code "\n\nHuman:"} announces the next human
     * turn; when the text after it opens with its own {@code "\n\nHuman: ..."}, that is the announced turn, so the
     * marker is written once (the paper's samples read {@code "...Revision: ...\n\nHuman: <prompt>"}, never an empty
     * human turn).
     */
    static String joinTurns(String before, String after) {
        return before.endsWith(HUMAN_MARKER) && after.startsWith(HUMAN_MARKER)
                ? before.substring(0, before.length() - HUMAN_MARKER.length()) + after
                : before + after;
    }

    private static void requireOnePerExample(List<?> fewShots, List<String> instructions) {
        if (fewShots.size() != instructions.size()) {
            throw new IllegalArgumentException(
                    fewShots.size() + " few-shot examples but " + instructions.size() + " instructions");
        }
    }

    private static String options(MultipleChoiceQuestion question) {
        return OPTION_A + question.responseA() + OPTION_B + question.responseB() + OPTIONS_END;
    }
}
