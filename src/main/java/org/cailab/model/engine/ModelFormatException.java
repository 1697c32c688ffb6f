package org.cailab.model.engine;

/**
 * A model directory or weight file that cannot be used: unsupported architecture, missing or mis-shaped tensor,
 * truncated or broken file. The message names the file and, where it applies, the tensor and the expected shape.
 */
public class ModelFormatException extends RuntimeException {

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
