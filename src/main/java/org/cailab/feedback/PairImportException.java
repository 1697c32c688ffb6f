package org.cailab.feedback;

/** A pair file that cannot be imported; nothing of it was stored. The message names the line. */
public class PairImportException extends RuntimeException {

    private final int line;

    public PairImportException(int line, String problem) {
        super(line > 0 ? "Line " + line + ": " + problem : problem);
        this.line = line;
    }

    public PairImportException(String problem) {
        this(0, problem);
    }

    /** The line of the file (from 1), or 0 when the problem is not about one line. */
    public int line() {
        return line;
    }
}
