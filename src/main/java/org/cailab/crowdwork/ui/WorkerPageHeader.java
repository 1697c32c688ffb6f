package org.cailab.crowdwork.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import org.cailab.base.ui.KeyShortcut;

/**
 * The top of a worker's task page: the campaign's name, the worker's progress and the guidelines button (with its
 * shortcut), then whatever the task type adds; and the polite live region for notices, which the page places below
 * the header ({@link #notice()}).
 */
public final class WorkerPageHeader extends Div {

    private final H2 title = new H2();
    private final Span progress = new Span();
    private final Span notice = new Span();

    /**
     * @param className      the page's class for the header ({@code cmp-header}, {@code rt-header})
     * @param guidelinesKey  the shortcut that opens the guidelines
     * @param openGuidelines opens them
     * @param more           shown after the guidelines button
     */
    public WorkerPageHeader(String className, KeyShortcut guidelinesKey, Runnable openGuidelines, Component... more) {
        progress.setId("progress");
        notice.setId("notice");
        notice.getElement().setAttribute("aria-live", "polite");
        Button guidelines = new Button("Guidelines (" + guidelinesKey.keys() + ")", e -> openGuidelines.run());
        guidelines.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        guidelines.setId("show-guidelines");
        guidelines.addClickShortcut(guidelinesKey.key(), guidelinesKey.modifiers());
        add(title, progress, guidelines);
        add(more);
        addClassName(className);
    }

    public void setTitle(String text) {
        title.setText(text);
    }

    public void setProgress(String text) {
        progress.setText(text);
    }

    /** The notices' live region; not part of the header, the page adds it where notices go. */
    public Span notice() {
        return notice;
    }
}
