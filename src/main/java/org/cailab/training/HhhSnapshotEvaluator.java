package org.cailab.training;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.cailab.evaluation.EvaluationSetService;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotEvaluator;
import org.cailab.model.SnapshotKind;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The Models page's "Evaluate on ..." action for preference models: one per uploaded evaluation set with transcript
 * pairs (the HHH file); it starts a {@code pm-eval} run, which stores the accuracy with the snapshot.
 */
@Component
class HhhSnapshotEvaluator implements SnapshotEvaluator {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final EvaluationSetService sets;
    private final RunService runs;

    HhhSnapshotEvaluator(EvaluationSetService sets, RunService runs) {
        this.sets = sets;
        this.runs = runs;
    }

    @Override
    public List<String> evaluationsFor(ModelSnapshot snapshot) {
        if (snapshot.kind() != SnapshotKind.PREFERENCE_MODEL) {
            return List.of();
        }
        try {
            return sets.setsWithTranscriptPairs();
        } catch (AccessDeniedException e) {
            return List.of(); // evaluation sets are for researchers
        }
    }

    @Override
    public String start(ModelSnapshot snapshot, String evaluation) {
        String name = "PM evaluation of " + snapshot.name() + " on " + evaluation;
        name = name.substring(0, Math.min(name.length(), RunConfig.MAX_NAME_LENGTH - 20)) + " "
                + LocalDateTime.now().format(STAMP);
        Run run = runs.start(RunConfig.of(PmEvalStage.TYPE, name)
                .withParameter(PmEvalStage.PREFERENCE_MODEL, String.valueOf(snapshot.id()))
                .withParameter(PmEvalStage.SET, evaluation));
        return "Started run " + run.id() + " (\"" + run.name() + "\"); the accuracy appears here when it finishes.";
    }
}
