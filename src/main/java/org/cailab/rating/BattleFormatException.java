package org.cailab.rating;

/** A line of a battle file that cannot be read; the message names the line and the problem. */
public final class BattleFormatException extends RuntimeException {

    private final long lineNumber;

    public BattleFormatException(long lineNumber, String problem) {
        super("line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    /** 1-based line number of the bad line. */
    public long lineNumber() {
        return lineNumber;
    }
}
