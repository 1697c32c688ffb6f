package org.cailab.redteam.ui;

import java.util.List;
import org.cailab.crowdwork.ui.PagePush;
import org.cailab.redteam.ReplyListener;

/** Hands the streamed answer of one red-team message to the page ({@link PagePush}, as answer 0). */
record ReplyStream(PagePush push) implements ReplyListener {

    @Override
    public void onText(String textSoFar) {
        push.text(0, textSoFar);
    }

    @Override
    public void onReady(long turnId, String answer) {
        push.ready(turnId, List.of(answer));
    }

    @Override
    public void onFailed(long turnId, String message) {
        push.failed(turnId, message);
    }
}
