package org.cailab.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One multiple-choice evaluation item, as in the paper's {@code 438HHHEvaluations.jsonl}: a prompt and the
 * continuations that are right and wrong after it (any number of each).
 *
 * @param prompt     the text the options continue
 * @param corrects   the right options, for example {@code [" (B)"]}
 * @param incorrects the wrong options
 */
public record EvalItem(String prompt, List<String> corrects, List<String> incorrects) {

    public EvalItem {
        Objects.requireNonNull(prompt, "prompt");
        corrects = List.copyOf(corrects);
        incorrects = List.copyOf(incorrects);
    }

    /** Every option: the right ones first, then the wrong ones, each in file order. */
    public List<String> options() {
        List<String> all = new ArrayList<>(corrects);
        all.addAll(incorrects);
        return List.copyOf(all);
    }

    public boolean isCorrect(String option) {
        return corrects.contains(option);
    }
}
