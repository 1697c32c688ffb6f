package org.cailab.crowdwork.ui;

import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Hands the streamed answers of one turn to a worker's page through server push: each piece of text at once
 * ({@link LivePush}), the outcome with the UI locked. The task types' listeners adapt their services' listener types
 * to it.
 */
public final class PagePush {

    /** What the page does with the updates; always called with the UI locked. */
    public interface Target {
        /** Answer {@code answer} (0, 1, ... in the turn's order) so far. */
        void text(long turnId, int answer, String text);

        void ready(long turnId, List<String> answers);

        void failed(long turnId, String message);
    }

    private final UI ui;
    private final Target target;
    private final long turnId;

    public PagePush(UI ui, Target target, long turnId) {
        this.ui = ui;
        this.target = target;
        this.turnId = turnId;
    }

    public void text(int answer, String textSoFar) {
        texts(new TreeMap<>(Map.of(answer, textSoFar)));
    }

    /** Several answers' text so far ({@code answer -> text}), in one update and one push. */
    public void texts(SortedMap<Integer, String> textsSoFar) {
        LivePush.text(ui, () -> textsSoFar.forEach((answer, text) -> target.text(turnId, answer, text)));
    }

    public void ready(long readyTurnId, List<String> answers) {
        ui.access(() -> target.ready(readyTurnId, answers));
    }

    public void failed(long failedTurnId, String message) {
        ui.access(() -> target.failed(failedTurnId, message));
    }
}
