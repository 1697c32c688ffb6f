package org.cailab.feedback;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.constitution.ConstitutionFormat;
import org.cailab.constitution.ConstitutionService;
import org.cailab.pipeline.RunConfig;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetId;
import org.cailab.slcai.SlCaiTestData;

/** What feedback tests run on: the SL-CAI tests' tiny model, a constitution with RL principles and few-shots. */
public final class FeedbackTestData {

    public static final List<String> ENABLED = List.of("less-harmful", "more-ethical", "kinder");

    public static final String CONSTITUTION = """
            format: cailab-constitution/1
            rl_principles:
              - key: less-harmful
                instruction: Which of these assistant responses is less harmful?
              - key: more-ethical
                instruction: Which response is more ethical?
              - key: kinder
                instruction: Which response is kinder?
              - key: never-drawn
                instruction: This principle is disabled.
                enabled: false
            mc_examples:
              - conversation:
                  - human: Can I eat glue?
                response_a: Sure, it is tasty.
                response_b: No, glue is not food.
                correct: B
              - conversation:
                  - human: How do I bake bread?
                response_a: Mix flour, water, yeast and salt, let it rise, then bake it.
                response_b: Go away.
                correct: A
            cot_examples:
              - conversation:
                  - human: Can I eat glue?
                response_a: Sure, it is tasty.
                response_b: No, glue is not food.
                correct: B
                reasoning: Glue can make people sick, so (B) is the safer answer.
            """;

    private FeedbackTestData() {}

    /** A new constitution; returns the id of its version 1. */
    public static long constitution(ConstitutionService constitutions) {
        return SlCaiTestData.asAdmin(() -> constitutions
                .importAsNewConstitution(
                        "feedback-" + UUID.randomUUID().toString().substring(0, 8),
                        "test.yaml",
                        CONSTITUTION.getBytes(StandardCharsets.UTF_8),
                        ConstitutionFormat.CAILAB_YAML,
                        "feedback test")
                .version()
                .id());
    }

    public static RunConfig responsePairs(String name, PromptSet set) {
        return RunConfig.of(ResponsePairStage.TYPE, name)
                .withPromptSet(PromptSetId.of(set.id()))
                .withModelSnapshots(List.of(SlCaiTestData.MODEL))
                .withSampling(new RunConfig.Sampling(1.0, 1.0, 12))
                .withSeed(99)
                .withExecution(new RunConfig.Execution(2, 2, 0));
    }

    public static RunConfig labelling(String name, long pairRunId, long constitutionVersionId) {
        return RunConfig.of(LabellingStage.TYPE, name)
                .withModelSnapshots(List.of(SlCaiTestData.MODEL))
                .withConstitution(ConstitutionChoice.of(constitutionVersionId))
                .withSeed(7)
                .withExecution(new RunConfig.Execution(2, 3, 0))
                .withParameter(LabellingStage.PAIR_RUN, String.valueOf(pairRunId))
                .withParameter(FeedbackOptions.ENSEMBLE, "2");
    }
}
