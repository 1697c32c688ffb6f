package org.cailab.base.ui;

import com.vaadin.flow.component.Component;
import org.jspecify.annotations.Nullable;

/**
 * The one live subscription a page follows at a time: watching another closes the previous one, and so do
 * {@link #stop()} and the page's detachment.
 */
public final class Watching {

    private @Nullable Runnable close;

    /** For {@code page}: stops watching when it is detached. */
    public Watching(Component page) {
        page.addDetachListener(e -> stop());
    }

    /** Closes what was watched before; {@code close} ends the new subscription. */
    public void watch(Runnable close) {
        stop();
        this.close = close;
    }

    public void stop() {
        Runnable current = close;
        close = null;
        if (current != null) {
            current.run();
        }
    }
}
