package org.cailab.experiment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;

/** What the pipeline benchmarks print about a pipeline they started: when it ended, and each stage's time. */
final class PipelineStageTimes {

    private PipelineStageTimes() {}

    /** Polls the pipeline until it ended or paused (a failed stage pauses it); returns its last state. */
    static RunSummary awaitEnd(RunService runs, RunId pipelineId) throws InterruptedException {
        RunSummary last;
        while (!(last = runs.find(pipelineId).orElseThrow()).run().state().isTerminal()
                && last.run().state() != RunState.PAUSED) {
            Thread.sleep(1000);
        }
        return last;
    }

    /**
     * Prints one line a stage: label, status, its child run's time from creation to end (0 when it has none or did
     * not run) and the stage's message.
     *
     * @return the seconds by stage key, in the pipeline's order
     */
    static Map<String, Double> print(List<PipelineStageStatus> stages) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (PipelineStageStatus s : stages) {
            double took = s.child() == null
                            || s.child().run().startedAt() == null
                            || s.child().run().endedAt() == null
                    ? 0
                    : Duration.between(
                                            s.child().run().createdAt(),
                                            s.child().run().endedAt())
                                    .toMillis()
                            / 1000.0;
            seconds.put(s.key(), took);
            System.out.printf(
                    Locale.ROOT,
                    "  %-32s %-10s %6.0f s%s%n",
                    s.label(),
                    s.status(),
                    took,
                    s.message() == null ? "" : "  (" + s.message() + ")");
        }
        return seconds;
    }
}
