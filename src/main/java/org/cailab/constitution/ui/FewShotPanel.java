package org.cailab.constitution.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.cailab.constitution.ChainOfThoughtExample;
import org.cailab.constitution.CritiqueRevisionExample;
import org.cailab.constitution.MultipleChoiceExample;
import org.cailab.dialogue.Conversation;

/** The three few-shot sections of a draft, each an ordered, editable list. */
final class FewShotPanel extends VerticalLayout {

    private final List<ItemListPanel<?>> lists;

    FewShotPanel(ConstitutionDraft draft, boolean editable, Runnable changed) {
        setPadding(false);
        ItemListPanel<CritiqueRevisionExample> critique = new ItemListPanel<>(
                        "critique-examples",
                        "Add critique/revision example",
                        draft.critique,
                        e -> "critique example " + (draft.critique.indexOf(e) + 1),
                        (e, apply) -> ExampleDialogs.openCritique(e, editable, apply),
                        editable,
                        changed)
                .column("Conversation", e -> opening(e.conversation()), 4)
                .column("Rounds", e -> String.valueOf(e.rounds().size()), 0)
                .done();
        ItemListPanel<MultipleChoiceExample> mc = new ItemListPanel<>(
                        "mc-examples",
                        "Add multiple-choice example",
                        draft.mc,
                        e -> "multiple-choice example " + (draft.mc.indexOf(e) + 1),
                        (e, apply) -> ExampleDialogs.openMultipleChoice(e, editable, apply),
                        editable,
                        changed)
                .column("Conversation", e -> opening(e.conversation()), 4)
                .column("Instruction", e -> e.instruction() == null ? "(the question's)" : e.instruction(), 2)
                .column("Better", e -> e.correct().name(), 0)
                .done();
        ItemListPanel<ChainOfThoughtExample> cot = new ItemListPanel<>(
                        "cot-examples",
                        "Add chain-of-thought example",
                        draft.cot,
                        e -> "chain-of-thought example " + (draft.cot.indexOf(e) + 1),
                        (e, apply) -> ExampleDialogs.openChainOfThought(e, editable, apply),
                        editable,
                        changed)
                .column("Conversation", e -> opening(e.conversation()), 3)
                .column("Reasoning", e -> shorten(e.reasoning(), 160), 3)
                .column("Better", e -> e.correct().name(), 0)
                .done();
        lists = List.of(critique, mc, cot);
        add(
                new H3("Critique/revision dialogues"),
                critique,
                new H3("Multiple-choice comparisons"),
                mc,
                new H3("Chain-of-thought comparisons"),
                cot);
    }

    void reload() {
        lists.forEach(ItemListPanel::reload);
    }

    private static String opening(Conversation conversation) {
        return conversation.isEmpty()
                ? ""
                : shorten(conversation.turns().getFirst().text(), 160)
                        + (conversation.turns().size() > 1
                                ? "  (" + conversation.turns().size() + " turns)"
                                : "");
    }

    static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
