package org.cailab.crowdwork.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;

/**
 * Hands streamed model text to a worker's page. Each piece of text is pushed on its own, at once: under automatic push
 * Vaadin runs the updates that queued while the page's session was busy (a worker's request still in progress, a
 * slow machine) together and sends only their end state, so a whole answer could reach the page in one piece, and
 * the worker would see nothing until it is complete.
 */
public final class LivePush {

    private LivePush() {}

    /** Runs {@code update} with the page locked and sends its changes to the browser straight away. */
    public static void text(UI ui, Command update) {
        ui.access(() -> {
            update.execute();
            if (ui.getPushConfiguration().getPushMode().isEnabled()) {
                ui.push();
            }
        });
    }
}
