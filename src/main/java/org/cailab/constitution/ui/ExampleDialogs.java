package org.cailab.constitution.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.Consumer;
import org.cailab.constitution.ChainOfThoughtExample;
import org.cailab.constitution.Choice;
import org.cailab.constitution.ConstitutionValidator;
import org.cailab.constitution.CritiqueRevisionExample;
import org.cailab.constitution.MultipleChoiceExample;
import org.cailab.constitution.PromptFormats;
import org.cailab.dialogue.Conversation;
import org.jspecify.annotations.Nullable;

/**
 * Edit dialogs for few-shot examples. A critique/revision dialogue is edited as the text the model sees (the paper's
 * layout with {@code CritiqueRequest:}, {@code Critique:}, ...), since its rounds are free-form; comparisons are
 * edited field by field.
 */
final class ExampleDialogs {

    private static final String NEW_CRITIQUE_EXAMPLE = """
            Human: ...

            Assistant: ...

            CritiqueRequest: ...

            Critique: ...

            RevisionRequest: ...

            Revision: ...

            Human:""";

    private ExampleDialogs() {}

    static void openCritique(
            @Nullable CritiqueRevisionExample existing, boolean editable, Consumer<CritiqueRevisionExample> onApply) {
        TextArea text = new TextArea("Dialogue, as the model sees it");
        text.setHelperText("Human/Assistant turns, then CritiqueRequest:, Critique:, RevisionRequest:, Revision: for "
                + "each round, separated by blank lines. End with \"Human:\" to show where a revision stops.");
        text.setValue(
                existing == null
                        ? NEW_CRITIQUE_EXAMPLE
                        : PromptFormats.critiqueRevisionExample(existing).substring(2));
        text.setMinHeight("24rem");
        FieldErrors errors = new FieldErrors().field("dialogue", text);
        PrincipleDialogs.open(
                existing == null ? "New critique/revision example" : "Critique/revision example",
                editable,
                errors,
                new FormLayout(text),
                () -> {
                    CritiqueRevisionExample example;
                    try {
                        example = PromptFormats.parseCritiqueRevisionExample(
                                "\n\n" + text.getValue().replace("\r\n", "\n"));
                    } catch (IllegalArgumentException e) {
                        errors.show(List.of("dialogue: " + e.getMessage()));
                        return null;
                    }
                    List<String> problems = ConstitutionValidator.critiqueExampleProblems(example).stream()
                            .map(p -> "dialogue: " + p)
                            .toList();
                    return errors.show(problems) ? example : null;
                },
                onApply);
    }

    static void openMultipleChoice(
            @Nullable MultipleChoiceExample existing, boolean editable, Consumer<MultipleChoiceExample> onApply) {
        Fields f = new Fields(false);
        if (existing != null) {
            f.fill(
                    existing.conversation(),
                    existing.instruction(),
                    existing.responseA(),
                    existing.responseB(),
                    existing.correct(),
                    null);
        }
        PrincipleDialogs.open(
                existing == null ? "New multiple-choice example" : "Multiple-choice example",
                editable,
                f.errors,
                f.form,
                () -> {
                    Conversation conversation = f.conversation();
                    if (conversation == null) {
                        return null;
                    }
                    MultipleChoiceExample example = new MultipleChoiceExample(
                            conversation, f.instruction(), f.a.getValue(), f.b.getValue(), f.correct.getValue());
                    return f.errors.show(ConstitutionValidator.mcExampleProblems(example)) ? example : null;
                },
                onApply);
    }

    static void openChainOfThought(
            @Nullable ChainOfThoughtExample existing, boolean editable, Consumer<ChainOfThoughtExample> onApply) {
        Fields f = new Fields(true);
        if (existing != null) {
            f.fill(
                    existing.conversation(),
                    existing.instruction(),
                    existing.responseA(),
                    existing.responseB(),
                    existing.correct(),
                    existing.reasoning());
        }
        PrincipleDialogs.open(
                existing == null ? "New chain-of-thought example" : "Chain-of-thought example",
                editable,
                f.errors,
                f.form,
                () -> {
                    Conversation conversation = f.conversation();
                    if (conversation == null) {
                        return null;
                    }
                    ChainOfThoughtExample example = new ChainOfThoughtExample(
                            conversation,
                            f.instruction(),
                            f.a.getValue(),
                            f.b.getValue(),
                            f.correct.getValue(),
                            f.reasoning.getValue());
                    return f.errors.show(ConstitutionValidator.cotExampleProblems(example)) ? example : null;
                },
                onApply);
    }

    /** The fields of a solved comparison. */
    private static final class Fields {
        final TextArea conversation = new TextArea("Conversation");
        final TextField instruction = new TextField("Instruction (optional)");
        final TextArea a = new TextArea("Response (A)");
        final TextArea b = new TextArea("Response (B)");
        final RadioButtonGroup<Choice> correct = new RadioButtonGroup<>("Better response");
        final TextArea reasoning = new TextArea("Reasoning");
        final FormLayout form = new FormLayout();
        final FieldErrors errors = new FieldErrors();

        Fields(boolean withReasoning) {
            conversation.setHelperText("\"Human: ...\" and \"Assistant: ...\" turns separated by blank lines, up to "
                    + "the compared responses");
            instruction.setHelperText("Empty: the example is shown under the principle of the question being asked");
            correct.setItems(Choice.values());
            correct.setValue(Choice.A);
            form.add(conversation, instruction, a, b, correct);
            errors.field("conversation", conversation)
                    .field("instruction", instruction)
                    .field("responseA", a)
                    .field("responseB", b);
            if (withReasoning) {
                reasoning.setHelperText("What follows \"Let's think step by step:\"");
                form.add(reasoning);
                errors.field("reasoning", reasoning);
            }
        }

        void fill(
                Conversation c,
                @Nullable String instr,
                String responseA,
                String responseB,
                Choice better,
                @Nullable String why) {
            conversation.setValue(c.renderTyped());
            instruction.setValue(instr == null ? "" : instr);
            a.setValue(responseA);
            b.setValue(responseB);
            correct.setValue(better);
            reasoning.setValue(why == null ? "" : why);
        }

        @Nullable
        Conversation conversation() {
            try {
                return Conversation.parseTyped(conversation.getValue());
            } catch (IllegalArgumentException e) {
                errors.show(List.of("conversation: " + e.getMessage()));
                return null;
            }
        }

        @Nullable
        String instruction() {
            return instruction.getValue().isBlank() ? null : instruction.getValue();
        }
    }
}
