package org.cailab.constitution;

import java.util.List;
import java.util.stream.Collectors;

/** Content that {@link ConstitutionValidator} refuses; nothing was saved. Editors show the problems as field errors. */
public class InvalidConstitutionException extends ConstitutionEditException {

    private final List<ValidationProblem> problems;

    public InvalidConstitutionException(List<ValidationProblem> problems) {
        super("The constitution has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "; nothing was saved: "
                + problems.stream().limit(5).map(ValidationProblem::toString).collect(Collectors.joining("; "))
                + (problems.size() > 5 ? "; ..." : ""));
        this.problems = List.copyOf(problems);
    }

    public List<ValidationProblem> problems() {
        return problems;
    }
}
