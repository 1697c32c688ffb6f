package org.cailab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The demo training (with a tiny step budget) is recorded as a finished run, and both demo snapshots belong to that
 * run with their training steps, as the dashboards' rating-against-step chart needs on a fresh install.
 */
class DemoModelsIT extends IntegrationTest {

    @Autowired
    DemoModels demoModels;

    @Autowired
    ModelRegistry registry;

    @Autowired
    RunService runs;

    @Test
    @WithMockUser(username = "researcher", roles = "RESEARCHER")
    void demoSnapshotsBelongToAFinishedDemoRunWithTheirSteps(@TempDir Path dir) throws Exception {
        ai.djl.engine.Engine.getEngine("PyTorch");
        List<ModelSnapshot> registered = demoModels.trainAndRegister(dir, 6, 2, Set.of());

        assertThat(registered).extracting(ModelSnapshot::name).containsExactly(DemoModels.EARLY, DemoModels.FINAL);
        ModelSnapshot early = registry.findByName(DemoModels.EARLY).orElseThrow();
        ModelSnapshot last = registry.findByName(DemoModels.FINAL).orElseThrow();
        assertThat(early.kind()).isEqualTo(SnapshotKind.DEMO);
        assertThat(early.step()).isEqualTo(2L);
        assertThat(last.step()).isEqualTo(6L);
        assertThat(early.runId()).isNotNull().isEqualTo(last.runId());

        RunSummary run = runs.find(new RunId(last.runId())).orElseThrow();
        assertThat(run.run().type()).isEqualTo("demo-training");
        assertThat(run.run().state()).isEqualTo(RunState.FINISHED);
        assertThat(run.run().config().parameters()).containsEntry("steps", "6").containsEntry("checkpointSteps", "2,6");
        assertThat(runs.log(run.run().id(), 10))
                .anySatisfy(
                        entry -> assertThat(entry.message()).contains("demo-early (step 2)", "demo-final (step 6)"));
    }
}
