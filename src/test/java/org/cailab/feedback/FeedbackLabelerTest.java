package org.cailab.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cailab.constitution.ChainOfThoughtExample;
import org.cailab.constitution.Choice;
import org.cailab.constitution.ConstitutionContent;
import org.cailab.constitution.FewShotPrinciples;
import org.cailab.constitution.MultipleChoiceExample;
import org.cailab.constitution.MultipleChoiceQuestion;
import org.cailab.constitution.PromptFormats;
import org.cailab.constitution.RlPrinciple;
import org.cailab.dialogue.Conversation;
import org.cailab.model.engine.CausalLm;
import org.cailab.support.EngineModelService;
import org.cailab.support.TinyModelFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The labeler on a real tiny model, checked against a separate computation from the model's logits. */
class FeedbackLabelerTest {

    static final long SNAPSHOT = 7;
    static final List<RlPrinciple> PRINCIPLES = List.of(
            new RlPrinciple("harmless", "Which of these responses is less harmful?", true),
            new RlPrinciple("honest", "Which response is more honest?", true),
            new RlPrinciple("kind", "Which response is kinder?", true),
            new RlPrinciple("off", "Which response is longer?", false));
    static final List<MultipleChoiceExample> MC_SHOTS = List.of(
            new MultipleChoiceExample(
                    Conversation.of("Can I eat glue?"), null, "No, glue is not food.", "Sure, it is tasty.", Choice.A),
            new MultipleChoiceExample(
                    Conversation.of("hello world?"), null, "go away.", "hello, how can I help?", Choice.B));
    static final List<ChainOfThoughtExample> COT_SHOTS = List.of(new ChainOfThoughtExample(
            Conversation.of("Can I eat glue?"),
            null,
            "No, glue is not food.",
            "Sure, it is tasty.",
            Choice.A,
            "Glue is not safe to eat, so (A) is better."));
    static final ConstitutionContent CONTENT =
            new ConstitutionContent(List.of(), PRINCIPLES, List.of(), MC_SHOTS, COT_SHOTS);
    static final Conversation CONVERSATION = Conversation.of("the model answer?", "good help.", "please help?");

    static CausalLm lm;
    static EngineModelService models;

    @BeforeAll
    static void loadModel() {
        lm = CausalLm.load(TinyModelFixture.create("feedback-labeler", 11));
        models = new EngineModelService(lm, SNAPSHOT);
    }

    @AfterAll
    static void closeModel() {
        lm.close();
    }

    @Test
    void labelsMatchASeparateComputationFromTheLogits() {
        FeedbackOptions options = FeedbackOptions.defaults().withEnsemble(2);
        LabelRequest request = new LabelRequest(CONVERSATION, "the answer is good.", "bad bad.", CONTENT, options, 42L);
        int before = models.scoreCalls.get();

        FeedbackLabel label = new FeedbackLabeler(models, SNAPSHOT).label(request);

        assertThat(models.scoreCalls.get() - before)
                .as("one batched scoring call")
                .isEqualTo(1);
        assertThat(label.questions()).hasSize(4);
        Map<String, RlPrinciple> byKey =
                PRINCIPLES.stream().collect(Collectors.toMap(RlPrinciple::key, Function.identity()));
        List<Double> firstBetter = new ArrayList<>();
        List<Double> original = new ArrayList<>();
        for (FeedbackQuestion q : label.questions()) {
            assertThat(q.principleKey()).isNotEqualTo("off");
            assertThat(q.fewShotPrincipleKeys()).hasSize(2).doesNotContain("off");
            // the prompt, rebuilt here from the recorded principles
            MultipleChoiceQuestion question = new MultipleChoiceQuestion(
                    CONVERSATION,
                    byKey.get(q.principleKey()).instruction(),
                    q.swapped() ? "bad bad." : "the answer is good.",
                    q.swapped() ? "the answer is good." : "bad bad.");
            List<String> shotInstructions = q.fewShotPrincipleKeys().stream()
                    .map(k -> byKey.get(k).instruction())
                    .toList();
            String expectedPrompt = PromptFormats.multipleChoicePrompt(MC_SHOTS, shotInstructions, question);
            assertThat(q.prompt()).isEqualTo(expectedPrompt).endsWith("\n\nThe answer is:");
            // independent: one unpadded forward pass per text, log-softmax over the whole vocabulary in Java
            double lA = logProbability(q.prompt(), " (A)");
            double lB = logProbability(q.prompt(), " (B)");
            assertThat(q.logProbA()).isCloseTo(lA, within(1e-4));
            assertThat(q.logProbB()).isCloseTo(lB, within(1e-4));
            double pA = Math.exp(lA) / (Math.exp(lA) + Math.exp(lB));
            assertThat(q.probabilityOfA()).isCloseTo(pA, within(1e-6));
            double better = q.swapped() ? 1 - pA : pA;
            assertThat(q.firstIsBetter()).isCloseTo(better, within(1e-6));
            assertThat(q.used()).isEqualTo(q.firstIsBetter());
            firstBetter.add(better);
            if (!q.swapped()) {
                original.add(better);
            }
        }
        double expected =
                firstBetter.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(label.label()).isCloseTo(expected, within(1e-6));
        assertThat(label.originalOrder())
                .isCloseTo(
                        original.stream()
                                .mapToDouble(Double::doubleValue)
                                .average()
                                .orElseThrow(),
                        within(1e-6));
        assertThat(label.principleKeys()).hasSize(2).doesNotHaveDuplicates();
        assertThat(label.ordersDisagree()).isEqualTo((label.originalOrder() - 0.5) * (label.swappedOrder() - 0.5) < 0);
        // the same seed gives the same label
        assertThat(new FeedbackLabeler(models, SNAPSHOT).label(request)).isEqualTo(label);
    }

    @Test
    void theOldFewShotBehaviourIsTheOldPrompt() {
        FeedbackOptions options =
                FeedbackOptions.defaults().withSwap(false).withFewShots(FewShotPrinciples.QUESTION, 1);
        FeedbackLabel label = new FeedbackLabeler(models, SNAPSHOT)
                .label(new LabelRequest(CONVERSATION, "good.", "bad.", CONTENT, options, 5L));

        FeedbackQuestion q = label.questions().getFirst();
        RlPrinciple principle = PRINCIPLES.stream()
                .filter(p -> p.key().equals(q.principleKey()))
                .findFirst()
                .orElseThrow();
        assertThat(q.prompt())
                .isEqualTo(PromptFormats.multipleChoicePrompt(
                        MC_SHOTS.subList(0, 1),
                        new MultipleChoiceQuestion(CONVERSATION, principle.instruction(), "good.", "bad.")));
        assertThat(q.fewShotPrincipleKeys()).containsExactly(q.principleKey());
        assertThat(label.swappedOrder()).isNull();
    }

    @Test
    void chainOfThoughtSamplesReasoningsAndClampsTheAnswers() {
        FeedbackOptions options =
                FeedbackOptions.defaults().withChainOfThought(2, 0.4, 0.6).withReasoning(1.0, 12);
        LabelRequest request = new LabelRequest(CONVERSATION, "good.", "bad.", CONTENT, options, 9L);

        FeedbackLabel label = new FeedbackLabeler(models, SNAPSHOT).label(request);

        assertThat(label.questions()).hasSize(4); // 2 orders x 2 reasonings
        assertThat(label.questions())
                .extracting(FeedbackQuestion::reasoningSeed)
                .doesNotHaveDuplicates();
        for (FeedbackQuestion q : label.questions()) {
            assertThat(q.reasoning()).isNotNull();
            assertThat(q.reasoningPrompt())
                    .endsWith("\n\nAssistant: Let's think step by step:")
                    .startsWith(
                            "\n\nHuman: Consider the following conversation between a human (H) and an assistant (A):");
            assertThat(q.prompt())
                    .isEqualTo(PromptFormats.chainOfThoughtAnswerPrompt(q.reasoningPrompt(), q.reasoning()))
                    .endsWith("\n\nHuman:\nSo the answer is:");
            double pA =
                    LabelMath.probabilityOfA(logProbability(q.prompt(), " (A)"), logProbability(q.prompt(), " (B)"));
            assertThat(q.probabilityOfA()).isCloseTo(pA, within(1e-6));
            assertThat(q.used())
                    .isBetween(0.4, 0.6)
                    .isCloseTo(Math.max(0.4, Math.min(0.6, q.swapped() ? 1 - pA : pA)), within(1e-6));
        }
        assertThat(label.label()).isBetween(0.4, 0.6);
        assertThat(new FeedbackLabeler(models, SNAPSHOT).label(request)).isEqualTo(label);
    }

    @Test
    void manyLabelsGoToTheModelInOneScoringCall() {
        FeedbackLabeler labeler = new FeedbackLabeler(models, SNAPSHOT);
        List<LabelRequest> requests = List.of(
                new LabelRequest(CONVERSATION, "good.", "bad.", CONTENT, FeedbackOptions.defaults(), 1L),
                new LabelRequest(
                        CONVERSATION,
                        "hello.",
                        "world.",
                        CONTENT,
                        FeedbackOptions.defaults().withEnsemble(3),
                        2L));
        int before = models.scoreCalls.get();

        List<FeedbackLabel> labels = labeler.labelAll(requests);

        assertThat(models.scoreCalls.get() - before).isEqualTo(1);
        // Scoring in one batch gives the same label as alone up to float rounding, not bit for bit: the engine
        // computes the last layer only for the kept positions, so the matrix shapes depend on the batch
        // (docs/decisions/0003, session-6 section).
        FeedbackLabel alone = labeler.label(requests.get(0));
        assertThat(labels.get(0).label()).isCloseTo(alone.label(), within(1e-6));
        assertThat(labels.get(0).principleKeys()).isEqualTo(alone.principleKeys());
        assertThat(labels.get(0).questions()).hasSameSizeAs(alone.questions());
        for (int i = 0; i < alone.questions().size(); i++) {
            assertThat(labels.get(0).questions().get(i).prompt())
                    .isEqualTo(alone.questions().get(i).prompt());
            assertThat(labels.get(0).questions().get(i).logProbA())
                    .isCloseTo(alone.questions().get(i).logProbA(), within(1e-4));
        }
        assertThat(labels.get(1).label())
                .isCloseTo(labeler.label(requests.get(1)).label(), within(1e-6));
        assertThat(labels.get(1).principleKeys()).hasSize(3);
    }

    @Test
    void aConstitutionWithoutEnabledPrinciplesIsRefused() {
        ConstitutionContent none =
                new ConstitutionContent(List.of(), List.of(PRINCIPLES.get(3)), List.of(), MC_SHOTS, COT_SHOTS);
        assertThatThrownBy(() -> new FeedbackLabeler(models, SNAPSHOT)
                        .label(new LabelRequest(CONVERSATION, "a", "b", none, FeedbackOptions.defaults(), 1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no enabled RL principles");
    }

    /**
     * log p(continuation | prompt) from the raw logits of one forward pass over prompt + continuation, with the
     * log-softmax done here in double precision; tokenised as the model service does (prompt with the tokenizer's
     * special tokens, the continuation on its own).
     */
    static double logProbability(String prompt, String continuation) {
        long[] p = lm.tokenizer().encode(prompt, true);
        long[] c = lm.tokenizer().encode(continuation, false);
        long[] ids = Arrays.copyOf(p, p.length + c.length);
        System.arraycopy(c, 0, ids, p.length, c.length);
        int vocab = lm.model().config().vocabSize();
        float[] logits;
        JniUtils.setGradMode(false);
        try (NDScope ignored = new NDScope()) {
            int[][] mask = new int[1][ids.length];
            Arrays.fill(mask[0], 1);
            logits = lm.model()
                    .forward(new long[][] {ids}, mask, null, ids.length)
                    .toFloatArray();
        }
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            int position = p.length - 1 + i; // the logits at this position predict token p.length + i
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < vocab; v++) {
                max = Math.max(max, logits[position * vocab + v]);
            }
            double z = 0;
            for (int v = 0; v < vocab; v++) {
                z += Math.exp(logits[position * vocab + v] - max);
            }
            sum += logits[position * vocab + (int) c[i]] - max - Math.log(z);
        }
        return sum;
    }
}
