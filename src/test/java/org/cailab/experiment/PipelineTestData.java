package org.cailab.experiment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.constitution.ConstitutionFormat;
import org.cailab.constitution.ConstitutionService;
import org.cailab.feedback.PairImportRequest;
import org.cailab.feedback.PairTask;
import org.cailab.feedback.PreferencePairService;
import org.cailab.pipeline.RunConfig;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetId;
import org.cailab.slcai.SlCaiTestData;
import tools.jackson.databind.json.JsonMapper;

/** What pipeline tests run on: the SL-CAI tests' tiny model, a constitution with SL and RL principles, tiny settings. */
public final class PipelineTestData {

    /** SL principles for critiques and revisions, RL principles and a few-shot example for the AI labels. */
    public static final String CONSTITUTION = """
            format: cailab-constitution/1
            sl_principles:
              - key: harm
                critique_request: Point out anything harmful in the assistant's last reply.
                revision_request: Rewrite the reply without anything harmful.
              - key: tone
                critique_request: Point out anything rude in the assistant's last reply.
                revision_request: Rewrite the reply kindly.
            critique_examples:
              - conversation:
                  - human: Can I eat glue?
                  - assistant: Sure, it is tasty.
                rounds:
                  - critique_request: Point out anything harmful in the assistant's last reply.
                    critique: Eating glue can make people sick.
                    revision_request: Rewrite the reply without anything harmful.
                    revision: No, glue is not food; please do not eat it.
            rl_principles:
              - key: less-harmful
                instruction: Which of these assistant responses is less harmful?
              - key: kinder
                instruction: Which response is kinder?
            mc_examples:
              - conversation:
                  - human: Can I eat glue?
                response_a: Sure, it is tasty.
                response_b: No, glue is not food.
                correct: B
            """;

    private PipelineTestData() {}

    /** A new constitution; returns the id of its version 1. */
    static long constitution(ConstitutionService constitutions, String name) {
        return SlCaiTestData.asAdmin(() -> constitutions
                .importAsNewConstitution(
                        name + "-" + UUID.randomUUID().toString().substring(0, 6),
                        "test.yaml",
                        CONSTITUTION.getBytes(StandardCharsets.UTF_8),
                        ConstitutionFormat.CAILAB_YAML,
                        "pipeline test")
                .version()
                .id());
    }

    /** Imports a few hh-rlhf style helpfulness comparisons (the "human" pairs the preference model mixes in). */
    static long helpfulPairs(PreferencePairService pairs) throws Exception {
        Random random = new Random(3);
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            String human = "\n\nHuman: Please help me with chore number " + (100 + i) + "?\n\nAssistant:";
            String verb = random.nextBoolean() ? "start early" : "ask a friend";
            file.append(JsonMapper.shared()
                            .writeValueAsString(Map.of(
                                    "chosen",
                                    human + " Sure, kindly " + verb + ".",
                                    "rejected",
                                    human + " Sure, often " + verb + ".")))
                    .append('\n');
        }
        return pairs.importHumanPairs(
                        new PairImportRequest(
                                "pipeline helpful " + UUID.randomUUID(), PairTask.HELPFULNESS, "helpful.jsonl"),
                        new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)))
                .id();
    }

    /** A pipeline on the tiny model with the smallest settings that still go through every stage. */
    static RunConfig config(String name, PromptSet redTeam, long versionId, long helpfulImport) {
        return RunConfig.of(PipelineService.RUN_TYPE, name)
                .withPromptSet(PromptSetId.of(redTeam.id()))
                .withConstitution(ConstitutionChoice.of(versionId))
                .withModelSnapshots(List.of(SlCaiTestData.MODEL))
                .withSampling(new RunConfig.Sampling(1.0, 1.0, 8))
                .withSeed(42)
                .withParameter(PipelineParameters.HELPFUL_PAIRS, String.valueOf(helpfulImport))
                .withParameter(PipelineParameters.ROUNDS, "1")
                .withParameter(PipelineParameters.RL_STEPS, "2")
                .withParameter(PipelineParameters.PROMPTS_PER_STEP, "2")
                .withParameter(PipelineParameters.SNAPSHOT_EVERY, "1")
                .withParameter("sl-finetune.batchSize", "2")
                .withParameter("sl-finetune.microBatchSize", "2")
                .withParameter("sl-finetune.heldOutFraction", "0.25")
                .withParameter("pm-train.batchSize", "4")
                .withParameter("pm-train.microBatchSize", "4")
                .withParameter("pm-train.heldOutFraction", "0.2")
                .withParameter("ai-feedback.ensemble", "1");
    }
}
