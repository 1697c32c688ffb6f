package org.cailab.comparison.ui;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cailab.comparison.AnswerListener;
import org.cailab.comparison.Side;
import org.cailab.crowdwork.ui.PagePush;

/** Hands the streamed answers of one comparison to the page ({@link PagePush}): side A is answer 0, B answer 1. */
record PageStream(PagePush push) implements AnswerListener {

    @Override
    public void onText(Side side, String textSoFar) {
        push.text(answer(side), textSoFar);
    }

    @Override
    public void onTexts(Map<Side, String> changed) {
        SortedMap<Integer, String> answers = new TreeMap<>();
        changed.forEach((side, text) -> answers.put(answer(side), text));
        push.texts(answers);
    }

    private static int answer(Side side) {
        return side == Side.A ? 0 : 1;
    }

    @Override
    public void onReady(long turnId, String answerA, String answerB) {
        push.ready(turnId, List.of(answerA, answerB));
    }

    @Override
    public void onFailed(long turnId, String message) {
        push.failed(turnId, message);
    }
}
