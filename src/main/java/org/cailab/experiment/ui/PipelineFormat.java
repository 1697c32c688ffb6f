package org.cailab.experiment.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.cailab.pipeline.RunState;

/** Badges and bars of the pipeline pages. */
final class PipelineFormat {

    private PipelineFormat() {}

    static Span badge(String text) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge");
        switch (text) {
            case "Succeeded", "Finished" -> badge.getElement().getThemeList().add("success");
            case "Failed", "Cancelled" -> badge.getElement().getThemeList().add("error");
            case "Paused", "Waiting" -> badge.getElement().getThemeList().add("contrast");
            default -> {}
        }
        return badge;
    }

    static Span badge(RunState state) {
        return badge(state.label());
    }

    static ProgressBar bar(double fraction) {
        ProgressBar bar = new ProgressBar(0, 1, Math.clamp(fraction, 0, 1));
        bar.setWidth("10em");
        return bar;
    }
}
