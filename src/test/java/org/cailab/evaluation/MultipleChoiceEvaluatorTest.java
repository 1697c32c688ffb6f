package org.cailab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.cailab.model.engine.CausalLm;
import org.cailab.support.TinyModelFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Items with any number of options, answered by a tiny real model. */
class MultipleChoiceEvaluatorTest {

    static CausalLm lm;

    @BeforeAll
    static void load() {
        lm = CausalLm.load(TinyModelFixture.create("mc-evaluator", 5));
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void probabilitiesAreASoftmaxOverAllTheItemsOptions() {
        EngineOptionScorer scorer = new EngineOptionScorer(lm);
        EvalItem item = new EvalItem(
                "\n\nHuman: hello world?\n\nAssistant:",
                List.of(" good help.", " hello."),
                List.of(" bad.", " the model.", " please please please."));

        ItemResult result = new MultipleChoiceEvaluator(scorer, null, 0).evaluate(4, item);

        List<OptionScore> scores = scorer.score(item.prompt(), item.options());
        double z = scores.stream().mapToDouble(s -> Math.exp(s.logProb())).sum();
        assertThat(result.index()).isEqualTo(4);
        assertThat(result.probabilities().keySet()).containsExactlyElementsOf(item.options());
        for (OptionScore s : scores) {
            assertThat(result.probabilities().get(s.option())).isCloseTo(Math.exp(s.logProb()) / z, within(1e-9));
            assertThat(result.logProbs().get(s.option())).isEqualTo(s.logProb());
        }
        double bestRight = Math.max(
                result.probabilities().get(" good help."),
                result.probabilities().get(" hello."));
        double bestWrong = item.incorrects().stream()
                .mapToDouble(result.probabilities()::get)
                .max()
                .orElseThrow();
        assertThat(result.correct()).isEqualTo(bestRight > bestWrong);
        assertThat(result.confidence()).isEqualTo(Math.max(bestRight, bestWrong));
        assertThat(result.predicted()).isIn(item.options());
        assertThat(result.probabilities().get(result.predicted())).isEqualTo(result.confidence());
    }

    @Test
    void optionsThatBreakThePrefixAreEncodedOnTheirOwnAndReported() {
        EvalItem item = new EvalItem("say hel", List.of("lo"), List.of(" world"));

        ItemResult result = new MultipleChoiceEvaluator(new EngineOptionScorer(lm), null, 0).evaluate(0, item);

        assertThat(result.separatelyEncoded()).containsExactly("lo");
        assertThat(EvalCommand.itemJson(result).get("separately_encoded").get(0).asString())
                .isEqualTo("lo");
        assertThat(result.probabilities().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isCloseTo(1, within(1e-12));
    }

    @Test
    void normalisationSurvivesVeryNegativeLogProbabilities() {
        Map<String, Double> p = MultipleChoiceEvaluator.normalise(
                List.of(new OptionScore("a", -3000, 1, false), new OptionScore("b", -3001, 1, false)));
        assertThat(p.get("a")).isCloseTo(1 / (1 + Math.exp(-1)), within(1e-12));
    }
}
