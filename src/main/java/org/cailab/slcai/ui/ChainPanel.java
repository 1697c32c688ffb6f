package org.cailab.slcai.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import org.cailab.slcai.ChainLayout;
import org.cailab.slcai.ChainRound;
import org.cailab.slcai.ChatMessage;
import org.cailab.slcai.CritiqueRevisionChain;
import org.cailab.slcai.HelpfulSamples;
import org.cailab.slcai.SlCaiGeneration;
import org.cailab.slcai.StoredSample;

/**
 * One prompt's chain: the prompt, the initial response, then per round the principle, the critique and the revision
 * with its changes against the response before it; or a helpfulness prompt's samples.
 */
class ChainPanel extends VerticalLayout {

    ChainPanel() {
        setId("chain-view");
        setPadding(false);
        addClassName("slcai-chain");
        clear();
    }

    void clear() {
        removeAll();
        Span hint = new Span("Choose a prompt to see its chain.");
        hint.addClassName("cailab-muted");
        add(hint);
    }

    void show(StoredSample stored) {
        removeAll();
        add(new H3(stored.itemKey()));
        Div prompt = new Div();
        prompt.addClassName("slcai-prompt");
        for (ChatMessage message : stored.sample().conversation()) {
            Div turn = new Div();
            turn.addClassName("slcai-turn");
            Span speaker = new Span(message.role().equals(ChatMessage.USER) ? "Human: " : "Assistant: ");
            speaker.addClassName("slcai-speaker");
            Span text = new Span(message.content());
            text.addClassName("slcai-text");
            turn.add(speaker, text);
            prompt.add(turn);
        }
        add(prompt);
        switch (stored.sample()) {
            case CritiqueRevisionChain chain -> showChain(chain);
            case HelpfulSamples helpful -> showSamples(helpful);
        }
        add(footer(stored.sample().generation(), stored.sample().seed()));
    }

    private void showChain(CritiqueRevisionChain chain) {
        add(new H4("Initial response"), DiffText.plain(chain.initialResponse(), "slcai-initial"));
        flagIfTruncated(chain.initialTruncated());
        String previous = chain.initialResponse();
        for (ChainRound round : chain.rounds()) {
            Div section = new Div();
            section.addClassName("slcai-round");
            Span principle = new Span(round.principleKey());
            principle.addClassName("slcai-principle");
            principle.getElement().getThemeList().add("badge");
            H4 header = new H4("Round " + round.number() + " ");
            header.add(principle);
            section.add(header);
            if (round.hasCritique()) {
                section.add(
                        label("Critique request"),
                        muted(String.valueOf(round.critiqueRequest())),
                        label("Critique"),
                        DiffText.plain(String.valueOf(round.critique()), "slcai-critique"));
                if (round.critiqueTruncated()) {
                    section.add(truncated());
                }
            }
            section.add(
                    label("Revision request"),
                    muted(round.revisionRequest()),
                    label("Revision (changes against the "
                            + (round.number() == 1 ? "initial response" : "previous revision") + ")"),
                    DiffText.of(previous, round.revision()));
            if (round.revisionTruncated()) {
                section.add(truncated());
            }
            add(section);
            previous = round.revision();
        }
        if (chain.directRevision()) {
            add(muted("Direct revision: the model revised without writing critiques."));
        }
        Span layout = muted(
                chain.chainLayout() == ChainLayout.PAIR
                        ? "Layout pair: each round critiqued the previous revision as the assistant's response (the paper's)."
                        : "Layout cumulative: each round saw the whole chain before it.");
        layout.setId("chain-layout");
        add(layout);
    }

    private void flagIfTruncated(boolean truncated) {
        if (truncated) {
            add(truncated());
        }
    }

    /** The flag of a sample that stopped at the token limit: it may end mid-sentence and is left out of the SL data. */
    private static Span truncated() {
        Span flag = new Span("Stopped at the token limit: left out of the SL data by default");
        flag.addClassName("slcai-truncated");
        flag.getElement().getThemeList().addAll(java.util.List.of("badge", "error"));
        return flag;
    }

    private void showSamples(HelpfulSamples helpful) {
        add(new H4("Samples (helpfulness prompt)"));
        int n = 1;
        for (String response : helpful.responses()) {
            add(label("Sample " + n), DiffText.plain(response, "slcai-sample"));
            flagIfTruncated(helpful.truncated(n - 1));
            n++;
        }
    }

    private static Span footer(SlCaiGeneration g, long seed) {
        Span footer = muted(String.format(
                Locale.ROOT,
                "Model %s (#%d) · constitution %s, %d few-shot example(s) · temperature %.2f, top-p %.2f, "
                        + "at most %d new tokens · seed %d",
                g.snapshotName(),
                g.snapshotId(),
                g.constitutionVersion(),
                g.fewShotExamples(),
                g.temperature(),
                g.topP(),
                g.maxNewTokens(),
                seed));
        footer.setId("chain-generation");
        return footer;
    }

    private static Span label(String text) {
        Span label = new Span(text);
        label.addClassName("slcai-label");
        return label;
    }

    private static Span muted(String text) {
        Span span = new Span(text);
        span.addClassNames("cailab-muted", "slcai-request");
        return span;
    }
}
