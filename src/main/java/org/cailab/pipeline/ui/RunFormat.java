package org.cailab.pipeline.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.cailab.pipeline.RunProgress;
import org.cailab.pipeline.RunState;
import org.jspecify.annotations.Nullable;

/** How runs look in lists and on the detail page. */
final class RunFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RunFormat() {}

    static ProgressBar progressBar(RunProgress progress) {
        ProgressBar bar = new ProgressBar(0, 1, progress.fraction());
        bar.setWidth("10em");
        return bar;
    }

    static String counts(RunProgress progress) {
        return progress.finished() + " / " + progress.total()
                + (progress.failed() > 0 ? " (" + progress.failed() + " failed)" : "");
    }

    static String rate(RunProgress progress) {
        return progress.itemsPerMinute() == 0 ? "–" : String.format(Locale.ROOT, "%.1f/min", progress.itemsPerMinute());
    }

    /** The rate with what is counted, for example {@code 3.5 chains/min}. */
    static String rate(RunProgress progress, String itemsLabel) {
        return progress.itemsPerMinute() == 0
                ? "–"
                : String.format(Locale.ROOT, "%.1f %s/min", progress.itemsPerMinute(), itemsLabel);
    }

    static String eta(RunProgress progress, RunState state) {
        Duration eta = progress.eta();
        if (state != RunState.RUNNING || eta == null) {
            return "–";
        }
        long s = eta.toSeconds();
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String time(@Nullable OffsetDateTime time) {
        return time == null ? "–" : TIME.format(time);
    }

    static Span stateBadge(RunState state) {
        Span badge = new Span(state.label());
        badge.getElement().getThemeList().add("badge");
        switch (state) {
            case FINISHED -> badge.getElement().getThemeList().add("success");
            case FAILED, CANCELLED -> badge.getElement().getThemeList().add("error");
            case PAUSED -> badge.getElement().getThemeList().add("contrast");
            default -> {}
        }
        return badge;
    }
}
