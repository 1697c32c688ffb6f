package org.cailab.crowdwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What a turn's listeners get at each delivery: the changed answers together, each text once, the end once. */
class LiveTextTest {

    /** Records each call: "texts {0=..., 1=...}", "text 0=...", "ready ...". */
    private static class Recorder implements LiveListener {
        final List<String> calls = new ArrayList<>();

        @Override
        public void onText(int answer, String textSoFar) {
            calls.add("text " + answer + "=" + textSoFar);
        }

        @Override
        public void onReady(long turnId, List<String> answers) {
            calls.add("ready " + turnId + " " + answers);
        }

        @Override
        public void onFailed(long turnId, String message) {
            calls.add("failed " + turnId + " " + message);
        }
    }

    /** A page: wants the changed answers of a delivery in one call. */
    private static final class Batching extends Recorder {
        @Override
        public void onTexts(SortedMap<Integer, String> changed) {
            calls.add("texts " + changed);
        }
    }

    @Test
    void aDeliveryHandsTheChangedAnswersOverInOneCall() {
        LiveText text = new LiveText(7, 2, UnaryOperator.identity());
        Batching page = new Batching();
        text.subscribe(page);

        text.append(0, "Hel");
        text.append(1, "Hi");
        text.deliver();
        text.append(1, " there");
        text.deliver();
        text.deliver(); // nothing new
        text.append(0, "lo");
        text.end(LiveOutcome.ready(List.of("Hello", "Hi there")));
        text.deliver();
        text.deliver(); // ended already

        assertThat(page.calls)
                .containsExactly(
                        "texts {0=Hel, 1=Hi}", "texts {1=Hi there}", "texts {0=Hello}", "ready 7 [Hello, Hi there]");
    }

    @Test
    void aListenerWithoutBatchingGetsEachAnswerOnItsOwn() {
        LiveText text = new LiveText(8, 2, String::strip);
        Recorder listener = new Recorder();
        text.subscribe(listener);

        text.append(0, " a ");
        text.append(1, "b");
        text.deliver();
        text.append(0, " "); // shown text unchanged after strip: nothing to send
        text.deliver();
        text.end(LiveOutcome.failed("gone"));
        text.deliver();

        assertThat(listener.calls).containsExactly("text 0=a", "text 1=b", "failed 8 gone");
    }
}
