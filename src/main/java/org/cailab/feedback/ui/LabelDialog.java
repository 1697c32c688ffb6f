package org.cailab.feedback.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import org.cailab.feedback.PreferencePair;
import tools.jackson.databind.JsonNode;

/**
 * One AI label opened: the pair, then every question the feedback model was asked (a {@code FeedbackQuestion}), with
 * its full prompt, the reasoning (chain of thought), the log-probabilities of (A) and (B) and the probabilities read
 * from them; then the final label. Text only.
 */
class LabelDialog extends Dialog {

    LabelDialog(PreferencePair label, JsonNode details) {
        setHeaderTitle(
                "AI label " + label.id() + " about pair " + label.provenance().labelledPairId());
        setWidth("min(95vw, 1100px)");
        PairPanel pair = new PairPanel();
        pair.show(label);
        add(pair);
        int index = 0;
        for (JsonNode question : details.path("questions")) {
            index++;
            add(new H4("Question " + index + ": principle "
                    + question.path("principleKey").asString()
                    + (question.path("swapped").asBoolean() ? " (A and B swapped)" : "")
                    + (question.path("sample").asInt() > 0
                            ? ", reasoning " + (question.path("sample").asInt() + 1)
                            : "")));
            Span numbers = new Span("log p( (A)) = "
                    + PairPanel.format(question.path("logProbA").asDouble())
                    + " · log p( (B)) = "
                    + PairPanel.format(question.path("logProbB").asDouble())
                    + " · P(option A) = "
                    + PairPanel.format(question.path("probabilityOfA").asDouble())
                    + " · P(pair's A better) = "
                    + PairPanel.format(question.path("firstIsBetter").asDouble())
                    + " · used = " + PairPanel.format(question.path("used").asDouble())
                    + " · few-shot principles: "
                    + question.path("fewShotPrincipleKeys").toString());
            numbers.addClassName("label-numbers");
            add(numbers);
            JsonNode reasoning = question.path("reasoning");
            var reasoningText = PairPanel.text(
                    reasoning.isString()
                            ? reasoning.asString()
                            : "(no reasoning: multiple choice without chain of thought)");
            reasoningText.addClassName("label-reasoning");
            add(new Span("Reasoning:"), reasoningText);
            var prompt = PairPanel.text(question.path("prompt").asString());
            prompt.addClassName("label-prompt");
            prompt.getStyle().set("max-height", "320px").set("overflow", "auto").set("background", "#f6f6f6");
            add(new Span("Prompt scored:"), prompt);
        }
        JsonNode swapped = details.path("swappedOrder");
        Span result = new Span("Final label "
                + PairPanel.format(details.path("label").asDouble())
                + " · soft " + PairPanel.format(details.path("probability").asDouble())
                + " · A/B order "
                + PairPanel.format(details.path("originalOrder").asDouble())
                + (swapped.isNumber() ? " · B/A order " + PairPanel.format(swapped.asDouble()) : "")
                + (details.path("ordersDisagree").asBoolean() ? " · the two orders disagree" : "")
                + " · seed " + details.path("seed").asString());
        result.setId("label-result");
        add(result, PairPanel.text("Options: " + details.path("options").toString()));
        getFooter().add(new Button("Close", e -> close()));
    }
}
