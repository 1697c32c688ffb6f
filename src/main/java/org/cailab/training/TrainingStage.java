package org.cailab.training;

import java.util.List;
import org.cailab.pipeline.RouteTarget;
import org.cailab.pipeline.Run;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunInput;
import org.cailab.pipeline.RunLink;
import org.cailab.pipeline.RunStage;

/**
 * A stage that trains one model from a base snapshot (the first model snapshot) as a single resumable item (decision
 * 0081), with the training page as its link. The training stages share these answers; they plan through
 * {@link TrainingPlans#start}.
 */
interface TrainingStage extends RunStage {

    @Override
    default List<RunInput> inputs() {
        return List.of(RunInput.snapshot("Base model"));
    }

    @Override
    default RunConfig.Execution defaultExecution() {
        // one item; a pause or shutdown costs an attempt, and each attempt continues from the last checkpoint
        return new RunConfig.Execution(1, 20, 5);
    }

    @Override
    default String itemsLabel() {
        return "training runs";
    }

    @Override
    default List<RunLink> links(Run run) {
        return List.of(new RunLink(
                "Training curves and checkpoints", RouteTarget.Page.ofRun("runs/:runId/training", run.id())));
    }
}
