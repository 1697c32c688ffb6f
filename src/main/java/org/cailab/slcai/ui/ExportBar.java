package org.cailab.slcai.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.stream.IntStream;
import org.cailab.pipeline.RunId;
import org.cailab.slcai.SlCaiRunInfo;
import org.cailab.slcai.SlDatasetFormat;
import org.cailab.slcai.SlDatasetRounds;

/**
 * Download of the run's SL finetuning data through the REST endpoint: layout, round n, all revisions up to n (the
 * paper's SL-CAI-n, the default) or round n's only, and whether samples cut at the token limit are in.
 */
class ExportBar extends HorizontalLayout {

    private final Select<SlDatasetFormat> format = new Select<>();
    private final Select<Integer> round = new Select<>();
    private final Select<SlDatasetRounds> rounds = new Select<>();
    private final Checkbox includeTruncated = new Checkbox("Include samples cut at the token limit");
    private final Anchor download = new Anchor("", "Download SL data");
    private RunId runId = new RunId(0); // set by show
    private int runRounds;
    private List<Integer> choices = List.of();
    private boolean updating;

    ExportBar() {
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        setId("chain-export");
        format.setLabel("Layout");
        format.setId("export-format");
        format.setItems(SlDatasetFormat.values());
        format.setItemLabelGenerator(f -> switch (f) {
            case MESSAGES -> "messages";
            case PROMPT_COMPLETION -> "prompt/completion";
            case CAI_CONVERSATION -> "cai-conversation columns";
        });
        round.setLabel("Round");
        round.setId("export-round");
        round.setItemLabelGenerator(r -> r == 0 ? "0 (initial responses)" : "SL-CAI-" + r);
        rounds.setLabel("Revisions");
        rounds.setId("export-rounds");
        rounds.setItems(SlDatasetRounds.values());
        rounds.setItemLabelGenerator(r -> switch (r) {
            case ALL -> "every round up to this one (the paper)";
            case LAST -> "this round only";
        });
        rounds.setValue(SlDatasetRounds.ALL);
        rounds.setHelperText("SL-CAI-n trains on the revisions of rounds 1 to n");
        includeTruncated.setId("export-include-truncated");
        download.setId("export-download");
        download.getElement().setAttribute("download", true);
        download.setRouterIgnore(true);
        format.addValueChangeListener(e -> update());
        round.addValueChangeListener(e -> update());
        rounds.addValueChangeListener(e -> update());
        includeTruncated.addValueChangeListener(e -> update());
        add(format, round, rounds, includeTruncated, download);
    }

    void show(SlCaiRunInfo info) {
        runId = info.run().id();
        runRounds = info.parameters().rounds();
        choices = List.of();
        format.setValue(SlDatasetFormat.MESSAGES);
        update();
    }

    private void update() {
        SlDatasetFormat f = format.getValue();
        if (f == null || updating) {
            return;
        }
        int lowest = f == SlDatasetFormat.CAI_CONVERSATION ? Math.min(1, runRounds) : 0;
        List<Integer> wanted = IntStream.rangeClosed(lowest, runRounds).boxed().toList();
        if (!wanted.equals(choices)) {
            Integer chosen = round.getValue();
            updating = true;
            try {
                choices = wanted;
                round.setItems(wanted);
                round.setValue(chosen != null && wanted.contains(chosen) ? chosen : runRounds);
            } finally {
                updating = false;
            }
        }
        Integer r = round.getValue();
        SlDatasetRounds which = rounds.getValue() == null ? SlDatasetRounds.ALL : rounds.getValue();
        download.setHref("api/runs/" + runId + "/sl-dataset?format=" + f.parameter() + "&round="
                + (r == null ? runRounds : r) + "&rounds=" + which.parameter() + "&includeTruncated="
                + includeTruncated.getValue());
    }
}
