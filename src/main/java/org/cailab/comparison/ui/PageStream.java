package org.cailab.comparison.ui;

import com.vaadin.flow.component.UI;
import org.cailab.comparison.AnswerListener;
import org.cailab.comparison.Side;
import org.cailab.crowdwork.ui.LivePush;

/** Hands the streamed answers of one comparison to the page through server push. */
final class PageStream implements AnswerListener {

    /** What the page does with the updates; always called with the UI locked. */
    interface Target {
        void text(long turnId, Side side, String text);

        void ready(long turnId, String answerA, String answerB);

        void failed(long turnId, String message);
    }

    private final UI ui;
    private final Target target;
    private final long turnId;

    PageStream(UI ui, Target target, long turnId) {
        this.ui = ui;
        this.target = target;
        this.turnId = turnId;
    }

    @Override
    public void onText(Side side, String textSoFar) {
        LivePush.text(ui, () -> target.text(turnId, side, textSoFar));
    }

    @Override
    public void onReady(long turnId, String answerA, String answerB) {
        ui.access(() -> target.ready(turnId, answerA, answerB));
    }

    @Override
    public void onFailed(long turnId, String message) {
        ui.access(() -> target.failed(turnId, message));
    }
}
