package org.cailab.constitution;

import static org.cailab.constitution.PromptFormats.ASSISTANT_MARKER;
import static org.cailab.constitution.PromptFormats.COT_HEADER;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cailab.dialogue.Conversation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The paper's few-shot files: {@code CritiqueRevisionFewShotPrompts.json},
 * {@code RLMadisonFewShotPrompts.json} and {@code RLMadisonPrecogFewShotPrompts.json}.
 */
final class PaperFewShotFiles {

    /** Entry 4 of the paper's chain-of-thought file asks the question without the (H)/(A) labels. */
    private static final String COT_HEADER_UNLABELLED =
            "\n\nHuman: Consider the following conversation between a human and an assistant:";

    private PaperFewShotFiles() {}

    static List<CritiqueRevisionExample> readCritique(ImportContext context, JsonNode root) {
        List<CritiqueRevisionExample> examples = new ArrayList<>();
        for (int i = 0; i < nonEmptyArray(context, root).size(); i++) {
            String entry = "entry " + i;
            String text = context.string(root.get(i), entry, "the example");
            CritiqueRevisionExample example =
                    context.parsing(entry, () -> PromptFormats.parseCritiqueRevisionExample(text));
            examples.add(context.checked(example, entry, ConstitutionValidator::critiqueExampleProblems));
        }
        return examples;
    }

    static ArrayNode writeCritique(List<CritiqueRevisionExample> examples) {
        ArrayNode root = Mappers.JSON.createArrayNode();
        examples.forEach(example -> root.add(PromptFormats.critiqueRevisionExample(example)));
        return root;
    }

    /**
     * The file keeps the better response apart from the worse, not in option order; the better one becomes
     * option (A) in even entries and (B) in odd ones, so that few-shots do not teach a position bias.
     */
    static List<MultipleChoiceExample> readMultipleChoice(ImportContext context, JsonNode root) {
        List<MultipleChoiceExample> examples = new ArrayList<>();
        for (int i = 0; i < nonEmptyArray(context, root).size(); i++) {
            String entry = "entry " + i;
            JsonNode value = context.object(root.get(i), entry, "the example");
            context.onlyFields(value, entry, Set.of("prompt", "corrects", "incorrects"));
            String prompt = context.stringField(value, entry, "prompt");
            if (!prompt.endsWith(ASSISTANT_MARKER)) {
                throw context.fail(entry, "\"prompt\" must end with \"\\n\\nAssistant:\"");
            }
            Conversation conversation = context.parsing(
                    entry, () -> Conversation.parse(prompt.substring(0, prompt.length() - ASSISTANT_MARKER.length())));
            String better = single(context, value, entry, "corrects");
            String worse = single(context, value, entry, "incorrects");
            Choice correct = i % 2 == 0 ? Choice.A : Choice.B;
            MultipleChoiceExample example = correct == Choice.A
                    ? new MultipleChoiceExample(conversation, null, better, worse, correct)
                    : new MultipleChoiceExample(conversation, null, worse, better, correct);
            examples.add(context.checked(example, entry, ConstitutionValidator::mcExampleProblems));
        }
        return examples;
    }

    /** The file has no place for an example's own instruction or option order: both are lost. */
    static ArrayNode writeMultipleChoice(List<MultipleChoiceExample> examples) {
        ArrayNode root = Mappers.JSON.createArrayNode();
        for (MultipleChoiceExample example : examples) {
            ObjectNode value = root.addObject();
            value.put("prompt", example.conversation().prompt());
            value.putArray("corrects").add(example.correct() == Choice.A ? example.responseA() : example.responseB());
            value.putArray("incorrects").add(example.correct() == Choice.A ? example.responseB() : example.responseA());
        }
        return root;
    }

    /**
     * Tolerates the file's known deviations, noting each: entries that open with {@code "\nHuman:"} or
     * {@code "Human:"} instead of {@code "\n\nHuman:"}, and a question without the (H)/(A) labels.
     */
    static List<ChainOfThoughtExample> readChainOfThought(ImportContext context, JsonNode root) {
        List<ChainOfThoughtExample> examples = new ArrayList<>();
        for (int i = 0; i < nonEmptyArray(context, root).size(); i++) {
            String entry = "entry " + i;
            JsonNode value = context.object(root.get(i), entry, "the example");
            context.onlyFields(value, entry, Set.of("prompt"));
            String prompt = normalized(context, entry, context.stringField(value, entry, "prompt"));
            ChainOfThoughtExample example =
                    context.parsing(entry, () -> PromptFormats.parseChainOfThoughtExample(prompt));
            examples.add(context.checked(example, entry, ConstitutionValidator::cotExampleProblems));
        }
        return examples;
    }

    /** Writes the paper's {@code {}} placeholder where an example shows the current principle. */
    static ArrayNode writeChainOfThought(List<ChainOfThoughtExample> examples) {
        ArrayNode root = Mappers.JSON.createArrayNode();
        for (ChainOfThoughtExample example : examples) {
            String slot = example.instruction() == null
                    ? PromptParser.PLACEHOLDER
                    : PromptFormats.rlInstruction(example.instruction());
            root.addObject().put("prompt", PromptFormats.chainOfThoughtExampleWithSlot(example, slot));
        }
        return root;
    }

    private static String normalized(ImportContext context, String entry, String prompt) {
        String text = prompt;
        if (!text.startsWith("\n\nHuman:")) {
            String missing = text.startsWith("\nHuman:") ? "\n" : text.startsWith("Human:") ? "\n\n" : "";
            if (!missing.isEmpty()) {
                context.note(
                        entry,
                        "starts with \"" + PromptFormats.escape(text.substring(0, text.indexOf(':') + 1))
                                + "\" instead of \"\\n\\nHuman:\"; normalized");
                text = missing + text;
            }
        }
        if (text.startsWith(COT_HEADER_UNLABELLED)) {
            context.note(entry, "asks about \"a human and an assistant\" without the (H)/(A) labels; normalized");
            text = COT_HEADER + text.substring(COT_HEADER_UNLABELLED.length());
        }
        return text;
    }

    private static String single(ImportContext context, JsonNode value, String entry, String field) {
        JsonNode list = context.array(context.field(value, entry, field), entry, "\"" + field + "\"");
        if (list.size() != 1) {
            throw context.fail(entry, "\"" + field + "\" must hold exactly one response, found " + list.size());
        }
        return context.string(list.get(0), entry, "\"" + field + "\"[0]");
    }

    private static JsonNode nonEmptyArray(ImportContext context, JsonNode root) {
        context.array(root, null, "the file");
        if (root.isEmpty()) {
            throw context.fail(null, "holds no examples");
        }
        return root;
    }
}
