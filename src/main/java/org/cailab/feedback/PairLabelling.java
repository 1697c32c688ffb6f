package org.cailab.feedback;

import org.cailab.constitution.Choice;
import org.cailab.constitution.Conversation;
import org.cailab.constitution.MultipleChoiceExample;
import org.cailab.constitution.MultipleChoiceQuestion;
import org.cailab.constitution.PromptFormats;
import org.cailab.constitution.RlPrinciple;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The multiple-choice labelling of one pair (the paper's section 4.1) as the labelling run uses it: draws the
 * principles (seeded), builds each question with its few-shots, scores {@code " (A)"} and {@code " (B)"} for the
 * question and its swapped twin in one batched call, and combines the probabilities. No database, no model: the
 * scores come from {@link Scorer}.
 */
final class PairLabelling {

    static final String OPTION_A = Choice.A.answer();
    static final String OPTION_B = Choice.B.answer();

    /** Log-probabilities of the continuations after their prompts (same index), in one batch. */
    @FunctionalInterface
    interface Scorer {
        List<Double> score(List<String> prompts, List<String> continuations) throws Exception;
    }

    private PairLabelling() {
    }

    static AiLabel label(Conversation conversation, String responseA, String responseB, List<RlPrinciple> principles,
                         List<MultipleChoiceExample> fewShots, LabellingOptions options, long seed, Scorer scorer)
            throws Exception {
        if (principles.isEmpty()) {
            throw new IllegalArgumentException("No enabled RL principles to draw from");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<AiLabel.Question> plan = new ArrayList<>();
        List<String> prompts = new ArrayList<>();
        List<String> continuations = new ArrayList<>();
        List<String> drawn = new ArrayList<>();
        for (int k = 0; k < options.ensemble(); k++) {
            RlPrinciple principle = principles.get(random.nextInt(principles.size()));
            drawn.add(principle.key());
            List<RlPrinciple> shotPrinciples = new ArrayList<>();
            for (int i = 0; i < fewShots.size(); i++) {
                shotPrinciples.add(options.independentFewShots()
                        ? principles.get(random.nextInt(principles.size())) : principle);
            }
            for (boolean swapped : options.swap() ? new boolean[]{false, true} : new boolean[]{false}) {
                MultipleChoiceQuestion question = new MultipleChoiceQuestion(conversation, principle.instruction(),
                        swapped ? responseB : responseA, swapped ? responseA : responseB);
                String prompt = prompt(fewShots, shotPrinciples, question);
                plan.add(new AiLabel.Question(principle.key(), shotPrinciples.stream().map(RlPrinciple::key).toList(),
                        swapped, prompt, 0, 0, 0, ""));
                prompts.add(prompt);
                prompts.add(prompt);
                continuations.add(OPTION_A);
                continuations.add(OPTION_B);
            }
        }
        List<Double> scores = scorer.score(prompts, continuations);
        List<AiLabel.Question> questions = new ArrayList<>();
        double sum = 0;
        int disagreements = 0;
        Double unswapped = null;
        for (int q = 0; q < plan.size(); q++) {
            AiLabel.Question asked = plan.get(q);
            double la = scores.get(2 * q);
            double lb = scores.get(2 * q + 1);
            double pOptionA = probabilityOfFirst(la, lb);
            double pA = asked.swapped() ? 1 - pOptionA : pOptionA;
            questions.add(new AiLabel.Question(asked.principle(), asked.fewShotPrinciples(), asked.swapped(),
                    asked.prompt(), la, lb, pA, ""));
            sum += pA;
            if (!asked.swapped()) {
                unswapped = pA;
            } else if (unswapped != null && (unswapped > 0.5) != (pA > 0.5)) {
                disagreements++;
            }
        }
        double label = sum / plan.size();
        if (options.hard()) {
            label = label > 0.5 ? 1 : label < 0.5 ? 0 : 0.5;
        }
        return new AiLabel(drawn, questions, disagreements, label, options, seed);
    }

    /** {@code exp(la) / (exp(la) + exp(lb))}, computed without overflow. */
    static double probabilityOfFirst(double la, double lb) {
        return 1 / (1 + Math.exp(lb - la));
    }

    private static String prompt(List<MultipleChoiceExample> fewShots, List<RlPrinciple> shotPrinciples,
                                 MultipleChoiceQuestion question) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fewShots.size(); i++) {
            MultipleChoiceExample example = fewShots.get(i);
            // an example shown under a drawn principle replaces the one it carries
            MultipleChoiceExample shown = new MultipleChoiceExample(example.conversation(),
                    shotPrinciples.get(i).instruction(), example.responseA(), example.responseB(), example.correct());
            out.append(PromptFormats.multipleChoiceExample(shown, question.instruction()));
        }
        return out.append(PromptFormats.multipleChoiceQuestion(question)).toString();
    }
}
