package org.cailab.model.openai;

/**
 * A remote backend failed a request for good (after its retries, or at once for an error that a retry cannot fix).
 * The message names the backend, the URL, the request and what the server said. A pipeline run counts the item as a
 * failed attempt and retries it later, as for any exception from a stage.
 */
public class RemoteModelException extends RuntimeException {

    private final boolean retryable;

    public RemoteModelException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public RemoteModelException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /** Whether trying again later may succeed (the server was overloaded, down or slow, not refusing the request). */
    public boolean retryable() {
        return retryable;
    }
}
