package org.cailab.feedback;

import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunParameter;

import java.util.List;
import java.util.Locale;

/**
 * The settings of a feedback labelling run, recorded in the run's configuration.
 *
 * @param ensemble                 principles drawn per pair; the label is the average of their probabilities
 * @param swap                     also ask with A and B swapped and average (the run reports how often the orders disagree)
 * @param hard                     turn the label into 1 or 0 by the larger probability (the paper's soft-vs-hard ablation)
 * @param independentFewShots      show each few-shot example under its own randomly drawn principle (the paper);
 *                                 false: every few-shot under the question's principle
 * @param fewShots                 how many of the constitution's multiple-choice examples to prepend
 */
public record LabellingOptions(int ensemble, boolean swap, boolean hard, boolean independentFewShots, int fewShots) {

    static final String ENSEMBLE = "ensemble";
    static final String SWAP = "swap";
    static final String HARD = "hardLabels";
    static final String INDEPENDENT_FEW_SHOTS = "independentFewShotPrinciples";
    static final String FEW_SHOTS = "fewShotExamples";
    static final int MAX_ENSEMBLE = 16;

    static final List<RunParameter> FORM = List.of(
            new RunParameter(ENSEMBLE, "Principles per pair", "1",
                    "Ensemble: k principles drawn per pair, their probabilities averaged (1-" + MAX_ENSEMBLE + ")"),
            new RunParameter(SWAP, "Swap A and B", "true", "true: also ask with the responses swapped and average"),
            new RunParameter(HARD, "Hard labels", "false", "true: label 1 or 0 by the larger probability"),
            new RunParameter(INDEPENDENT_FEW_SHOTS, "Independent few-shot principles", "true",
                    "true: each few-shot example under its own drawn principle (the paper); false: under the question's"),
            new RunParameter(FEW_SHOTS, "Few-shot examples", "all",
                    "How many of the constitution's multiple-choice examples to prepend"));

    public LabellingOptions {
        if (ensemble < 1 || ensemble > MAX_ENSEMBLE) {
            throw new RunException("Principles per pair must be between 1 and " + MAX_ENSEMBLE + ".");
        }
        if (fewShots < 0) {
            throw new RunException("Few-shot examples must be 0 or more.");
        }
    }

    /** The options of a configuration; {@code available} few-shots resolve "all". */
    static LabellingOptions of(RunConfig config, int available) {
        String fewShots = config.parameter(FEW_SHOTS, "all").strip();
        int count;
        if (fewShots.isEmpty() || fewShots.equalsIgnoreCase("all")) {
            count = available;
        } else {
            try {
                count = Math.min(available, Integer.parseInt(fewShots));
            } catch (NumberFormatException e) {
                throw new RunException("Few-shot examples must be a number or \"all\", not \"" + fewShots + "\".");
            }
        }
        String k = config.parameter(ENSEMBLE, "1").strip();
        int ensemble;
        try {
            ensemble = k.isEmpty() ? 1 : Integer.parseInt(k);
        } catch (NumberFormatException e) {
            throw new RunException("Principles per pair must be a whole number, not \"" + k + "\".");
        }
        return new LabellingOptions(ensemble, bool(config, SWAP, true, "Swap A and B"),
                bool(config, HARD, false, "Hard labels"),
                bool(config, INDEPENDENT_FEW_SHOTS, true, "Independent few-shot principles"), count);
    }

    RunConfig writeTo(RunConfig config) {
        return config.withParameter(ENSEMBLE, String.valueOf(ensemble)).withParameter(SWAP, String.valueOf(swap))
                .withParameter(HARD, String.valueOf(hard))
                .withParameter(INDEPENDENT_FEW_SHOTS, String.valueOf(independentFewShots))
                .withParameter(FEW_SHOTS, String.valueOf(fewShots));
    }

    private static boolean bool(RunConfig config, String key, boolean fallback, String label) {
        String text = config.parameter(key, "").strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "" -> fallback;
            case "false", "no", "0" -> false;
            case "true", "yes", "1" -> true;
            default -> throw new RunException(label + " must be true or false, not \"" + text + "\".");
        };
    }
}
