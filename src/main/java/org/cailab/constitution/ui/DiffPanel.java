package org.cailab.constitution.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cailab.constitution.ConstitutionDiff;
import org.cailab.constitution.ConstitutionDiff.FewShotChange;
import org.cailab.constitution.ConstitutionDiff.FieldChange;
import org.cailab.constitution.ConstitutionDiff.PrincipleChange;
import org.cailab.constitution.WordDiff;

/**
 * A {@link ConstitutionDiff} side by side: old text on the left with removed words marked, new text on the right
 * with added words marked. Every text goes into a {@link Span} as text, never as HTML.
 */
final class DiffPanel extends VerticalLayout {

    private static final Map<String, String> FIELD_LABELS = Map.of(
            "critiqueRequest",
            "Critique request",
            "revisionRequest",
            "Revision request",
            "instruction",
            "Instruction",
            "enabled",
            "Enabled");

    DiffPanel(ConstitutionDiff diff, String fromLabel, String toLabel) {
        setPadding(false);
        setId("constitution-diff");
        if (diff.isEmpty()) {
            add(new Paragraph("No differences between " + fromLabel + " and " + toLabel + "."));
            return;
        }
        section("SL principles (critique/revision)", diff.slChanges(), diff.slReordered(), fromLabel, toLabel);
        section("RL principles (comparisons)", diff.rlChanges(), diff.rlReordered(), fromLabel, toLabel);
        if (!diff.fewShotChanges().isEmpty()) {
            add(new H3("Few-shot examples"));
            diff.fewShotChanges().forEach(change -> add(new Paragraph(fewShot(change))));
        }
    }

    private void section(
            String title, List<PrincipleChange> changes, boolean reordered, String fromLabel, String toLabel) {
        if (changes.isEmpty() && !reordered) {
            return;
        }
        add(new H3(title));
        if (reordered) {
            add(new Paragraph("The order of the principles changed."));
        }
        for (PrincipleChange change : changes) {
            Div card = new Div();
            card.addClassName("cailab-diff-card");
            card.addClassName("cailab-diff-" + change.type().name().toLowerCase(Locale.ROOT));
            Span key = new Span(change.key());
            key.addClassName("cailab-diff-key");
            Span type = new Span(change.type().name().toLowerCase(Locale.ROOT));
            type.getElement()
                    .getThemeList()
                    .add("badge "
                            + switch (change.type()) {
                                case ADDED -> "success";
                                case REMOVED -> "error";
                                case CHANGED -> "contrast";
                            });
            Div header = new Div(key, type);
            header.addClassName("cailab-diff-header");
            card.add(header, sides(new Span(fromLabel), new Span(toLabel), "cailab-diff-labels"));
            for (FieldChange field : change.fields()) {
                Span label = new Span(FIELD_LABELS.getOrDefault(field.field(), field.field()));
                label.addClassName("cailab-diff-field");
                card.add(
                        label,
                        sides(side(field, WordDiff.Op.DELETE), side(field, WordDiff.Op.INSERT), "cailab-diff-row"));
            }
            add(card);
        }
    }

    /** One side of a field: unchanged words plain, this side's own words marked; "—" where the side is missing. */
    private static Div side(FieldChange field, WordDiff.Op own) {
        Div div = new Div();
        div.addClassName(own == WordDiff.Op.DELETE ? "cailab-diff-old" : "cailab-diff-new");
        if ((own == WordDiff.Op.DELETE ? field.oldText() : field.newText()) == null) {
            div.add(ItemListPanel.muted("—"));
            return div;
        }
        for (WordDiff.Segment segment : field.words()) {
            if (segment.op() == WordDiff.Op.EQUAL) {
                div.add(new Span(segment.text()));
            } else if (segment.op() == own) {
                Span marked = new Span(segment.text());
                marked.addClassName(own == WordDiff.Op.DELETE ? "cailab-del" : "cailab-ins");
                div.add(marked);
            }
        }
        return div;
    }

    private static Div sides(
            com.vaadin.flow.component.Component left, com.vaadin.flow.component.Component right, String className) {
        Div row = new Div(left, right);
        row.addClassName(className);
        return row;
    }

    private static String fewShot(FewShotChange change) {
        StringBuilder text = new StringBuilder(change.section().label())
                .append(": ")
                .append(change.oldCount())
                .append(" → ")
                .append(change.newCount());
        if (change.reordered()) {
            text.append(" (reordered)");
        } else {
            text.append(" (")
                    .append(change.added())
                    .append(" added or edited, ")
                    .append(change.removed())
                    .append(" removed or edited)");
        }
        return text.toString();
    }
}
