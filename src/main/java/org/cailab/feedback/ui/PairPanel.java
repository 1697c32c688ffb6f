package org.cailab.feedback.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import org.cailab.dialogue.Turn;
import org.cailab.feedback.PairProvenance;
import org.cailab.feedback.PreferencePair;

/** One pair to read: the conversation, both responses, the label and where it came from. All text as text. */
class PairPanel extends VerticalLayout {

    PairPanel() {
        setId("pair-panel");
        setPadding(false);
    }

    void clear() {
        removeAll();
    }

    void show(PreferencePair pair) {
        removeAll();
        add(new H3("Pair " + pair.id() + " · " + pair.source().label() + " · "
                + pair.task().label()));
        Span label = new Span(
                pair.label() == null
                        ? "No label yet"
                                + (pair.aiLabels() > 0 ? " (" + pair.aiLabels() + " AI label(s) about it)" : "")
                        : "Label P(A better) = " + format(pair.label()));
        label.setId("pair-label");
        add(label, new Span(provenance(pair)));
        Div conversation = new Div();
        conversation.setId("pair-conversation");
        for (Turn turn : pair.conversation()) {
            conversation.add(text(turn.speaker().label() + ": " + turn.text()));
        }
        add(conversation);
        Pre a = text("A: " + pair.responseA());
        a.setId("pair-response-a");
        Pre b = text("B: " + pair.responseB());
        b.setId("pair-response-b");
        add(a, b);
    }

    /** Model and worker text: a Pre with setText, so it is never interpreted as HTML. */
    static Pre text(String text) {
        Pre pre = new Pre();
        pre.setText(text);
        pre.getStyle().set("white-space", "pre-wrap").set("margin", "0.2em 0");
        return pre;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    static String provenance(PreferencePair pair) {
        PairProvenance p = pair.provenance();
        return switch (pair.source()) {
            case HUMAN_IMPORT -> "Import \"" + p.importName() + "\", line " + p.sourceLine();
            case CROWD_VOTE -> "Campaign \"" + p.campaignName() + "\", vote " + p.voteId();
            case SAMPLED -> "Run " + p.runId() + ", item " + p.itemKey() + ", policy " + p.snapshotName();
            case AI_FEEDBACK ->
                "Run " + p.runId() + ", item " + p.itemKey() + ", about pair " + p.labelledPairId() + ", principle(s) "
                        + String.join(", ", p.principles()) + ", feedback model " + p.snapshotName();
        };
    }
}
