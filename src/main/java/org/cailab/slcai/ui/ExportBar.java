package org.cailab.slcai.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import org.cailab.slcai.SlCaiRunInfo;
import org.cailab.slcai.SlDatasetFormat;

import java.util.List;
import java.util.stream.IntStream;

/** Download of the run's SL finetuning data: layout and round (SL-CAI-n), through the REST endpoint. */
class ExportBar extends HorizontalLayout {

    private final Select<SlDatasetFormat> format = new Select<>();
    private final Select<Integer> round = new Select<>();
    private final Anchor download = new Anchor("", "Download SL data");
    private long runId;
    private int rounds;
    private List<Integer> choices = List.of();
    private boolean updating;

    ExportBar() {
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setId("chain-export");
        format.setLabel("Layout");
        format.setId("export-format");
        format.setItems(SlDatasetFormat.values());
        format.setItemLabelGenerator(f -> switch (f) {
            case MESSAGES -> "messages";
            case PROMPT_COMPLETION -> "prompt/completion";
            case CAI_CONVERSATION -> "cai-conversation columns";
        });
        round.setLabel("Responses after round");
        round.setId("export-round");
        round.setItemLabelGenerator(r -> r == 0 ? "0 (initial responses)" : "SL-CAI-" + r);
        download.setId("export-download");
        download.getElement().setAttribute("download", true);
        download.setRouterIgnore(true);
        format.addValueChangeListener(e -> update());
        round.addValueChangeListener(e -> update());
        add(format, round, download);
    }

    void show(SlCaiRunInfo info) {
        runId = info.run().id();
        rounds = info.parameters().rounds();
        choices = List.of();
        format.setValue(SlDatasetFormat.MESSAGES);
        update();
    }

    private void update() {
        SlDatasetFormat f = format.getValue();
        if (f == null || updating) {
            return;
        }
        int lowest = f == SlDatasetFormat.CAI_CONVERSATION ? Math.min(1, rounds) : 0;
        List<Integer> wanted = IntStream.rangeClosed(lowest, rounds).boxed().toList();
        if (!wanted.equals(choices)) {
            Integer chosen = round.getValue();
            updating = true;
            try {
                choices = wanted;
                round.setItems(wanted);
                round.setValue(chosen != null && wanted.contains(chosen) ? chosen : rounds);
            } finally {
                updating = false;
            }
        }
        Integer r = round.getValue();
        download.setHref("api/runs/" + runId + "/sl-dataset?format=" + f.parameter() + "&round=" + (r == null ? rounds : r));
    }
}
