package org.cailab.redteam.ui;

import com.vaadin.flow.component.UI;
import org.cailab.crowdwork.ui.LivePush;
import org.cailab.redteam.ReplyListener;

/** Hands the streamed answer of one red-team message to the page through server push. */
final class ReplyStream implements ReplyListener {

    /** What the page does with the updates; always called with the UI locked. */
    interface Target {
        void text(long turnId, String text);

        void ready(long turnId, String answer);

        void failed(long turnId, String message);
    }

    private final UI ui;
    private final Target target;
    private final long turnId;

    ReplyStream(UI ui, Target target, long turnId) {
        this.ui = ui;
        this.target = target;
        this.turnId = turnId;
    }

    @Override
    public void onText(String textSoFar) {
        LivePush.text(ui, () -> target.text(turnId, textSoFar));
    }

    @Override
    public void onReady(long turnId, String answer) {
        ui.access(() -> target.ready(turnId, answer));
    }

    @Override
    public void onFailed(long turnId, String message) {
        ui.access(() -> target.failed(turnId, message));
    }
}
