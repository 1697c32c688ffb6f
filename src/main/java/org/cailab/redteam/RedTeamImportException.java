package org.cailab.redteam;

import java.util.List;

/**
 * An import that stored nothing: the file is not an array of red-team attempts, or some of its records are malformed
 * (the first few are listed, by index).
 */
public class RedTeamImportException extends RedTeamException {

    private final transient List<MalformedRecord> problems;

    public RedTeamImportException(String fileName, List<MalformedRecord> problems) {
        super("Nothing was imported from " + fileName + ": "
                + String.join(
                        "; ", problems.stream().map(MalformedRecord::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public RedTeamImportException(String message) {
        super(message);
        this.problems = List.of();
    }

    /** The malformed records found, at most {@value AttemptFileReader#MAX_PROBLEMS}, by index. */
    public List<MalformedRecord> problems() {
        return problems;
    }
}
