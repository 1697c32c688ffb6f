package org.cailab.feedback.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import org.cailab.feedback.PreferencePair;
import tools.jackson.databind.JsonNode;

/**
 * One AI label opened: the pair, then every question the feedback model was asked, with its full prompt, the
 * log-probabilities of (A) and (B), the probability read from it and the reasoning (chain-of-thought). Text only.
 */
class LabelDialog extends Dialog {

    LabelDialog(PreferencePair label, JsonNode details) {
        setHeaderTitle("AI label " + label.id() + " about pair " + label.provenance().labelledPairId());
        setWidth("min(95vw, 1100px)");
        PairPanel pair = new PairPanel();
        pair.show(label);
        add(pair);
        int index = 0;
        for (JsonNode question : details.path("questions")) {
            index++;
            add(new H4("Question " + index + ": principle " + question.path("principle").asString()
                    + (question.path("swapped").asBoolean() ? " (A and B swapped)" : "")));
            Span numbers = new Span("log p( (A)) = " + PairPanel.format(question.path("logProbA").asDouble())
                    + " · log p( (B)) = " + PairPanel.format(question.path("logProbB").asDouble())
                    + " · P(pair's A better) = " + PairPanel.format(question.path("probabilityA").asDouble())
                    + " · few-shot principles: " + question.path("fewShotPrinciples").toString());
            numbers.addClassName("label-numbers");
            add(numbers);
            var prompt = PairPanel.text(question.path("prompt").asString());
            prompt.addClassName("label-prompt");
            prompt.getStyle().set("max-height", "320px").set("overflow", "auto").set("background", "#f6f6f6");
            add(prompt);
            String reasoning = question.path("reasoning").asString("");
            var reasoningText = PairPanel.text(reasoning.isEmpty() ? "(no reasoning: multiple-choice without "
                    + "chain-of-thought)" : reasoning);
            reasoningText.addClassName("label-reasoning");
            add(new Span("Reasoning:"), reasoningText);
        }
        Span result = new Span("Final label " + PairPanel.format(details.path("label").asDouble())
                + " · position disagreements " + details.path("positionDisagreements").asInt()
                + " · options " + details.path("options").toString() + " · seed " + details.path("seed").asString());
        result.setId("label-result");
        add(result);
        getFooter().add(new Button("Close", e -> close()));
    }
}
