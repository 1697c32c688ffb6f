package org.cailab.evaluation;

/** An evaluation file that cannot be used, with where and why: {@code "FILE, line N: problem"}. */
public class EvalFileException extends RuntimeException {

    private final String file;
    private final int line;

    public EvalFileException(String file, int line, String problem) {
        super(file + ", line " + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** The line (from 1) with the problem. */
    public int line() {
        return line;
    }
}
