package org.cailab.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cailab.model.DemoTraining;
import org.cailab.model.DemoTrainingRecorder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the demo models' training on first start as a finished run of type {@value #TYPE}, with what it did in
 * its configuration and log. No stage processes this type: the run is a record, it cannot be started, resumed or
 * repeated from the Runs page.
 */
@Component
@Transactional
class DemoTrainingRuns implements DemoTrainingRecorder {

    static final String TYPE = "demo-training";
    static final String NAME = "Demo model training";

    private final RunRepository runs;

    DemoTrainingRuns(RunRepository runs) {
        this.runs = runs;
    }

    @Override
    public long recordFinished(DemoTraining training) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("steps", Integer.toString(training.steps()));
        parameters.put(
                "checkpointSteps",
                training.checkpointSteps().stream().map(String::valueOf).collect(Collectors.joining(",")));
        parameters.put("corpusDocuments", Integer.toString(training.documents()));
        parameters.put("finalLoss", String.format(java.util.Locale.ROOT, "%.4f", training.finalLoss()));
        RunConfig config = new RunConfig(
                TYPE,
                runs.nameExists(NAME) ? NAME + " " + training.endedAt() : NAME,
                null,
                null,
                List.of(),
                RunConfig.Sampling.DEFAULT,
                training.seed(),
                RunConfig.Execution.DEFAULT,
                parameters);
        long id = runs.insertFinishedRun(config, "system", training.startedAt(), training.endedAt());
        long seconds =
                Duration.between(training.startedAt(), training.endedAt()).toSeconds();
        runs.log(
                id,
                RunLogLevel.INFO,
                "Trained the demo model from scratch on a templated corpus of "
                        + training.documents() + " documents: " + training.steps() + " steps in " + seconds
                        + " s, final loss "
                        + parameters.get("finalLoss") + ".");
        runs.log(
                id,
                RunLogLevel.INFO,
                "Snapshots: "
                        + IntStream.range(0, training.snapshots().size())
                                .mapToObj(i -> training.snapshots().get(i) + " (step "
                                        + training.checkpointSteps().get(i) + ")")
                                .collect(Collectors.joining(", "))
                        + ".");
        return id;
    }
}
