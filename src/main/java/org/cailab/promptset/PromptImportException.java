package org.cailab.promptset;

/**
 * An import that was refused; nothing of it was stored. The message is meant for the person importing and names
 * the line (1-based) when one line is at fault; {@link #line()} is 0 when the problem concerns the whole file.
 */
public class PromptImportException extends RuntimeException {

    private final int line;

    public PromptImportException(String message) {
        this(0, message, null);
    }

    public PromptImportException(int line, String message) {
        this(line, message, null);
    }

    public PromptImportException(int line, String message, Throwable cause) {
        super(line > 0 ? "Line " + line + ": " + message : message, cause);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
