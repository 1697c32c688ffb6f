package org.cailab.base;

/** Input (an upload, a decompressed file, one line or record of it) over a limit; the message says which. */
public class InputTooLargeException extends RuntimeException {

    public InputTooLargeException(String message) {
        super(message);
    }
}
