package org.cailab.db;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns "cannot reach the configured PostgreSQL" into a short start-up message that names the URL and the cause,
 * instead of leaving the user with a long stack trace.
 */
class DatabaseConnectionFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseConnectionFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || url.isBlank() || !isConnectionProblem(cause)) {
            return null;
        }
        String reason = cause.getMessage();
        Throwable deeper = cause.getCause();
        if (deeper != null && deeper.getMessage() != null && !reason.contains(deeper.getMessage())) {
            reason = reason + " (" + deeper.getClass().getSimpleName() + ": " + deeper.getMessage() + ")";
        }
        return new FailureAnalysis(
                "Could not connect to the PostgreSQL database at " + redact(url) + "\n\nCause: " + reason
                        + " [SQL state " + cause.getSQLState() + "]",
                "Check that the server is running and reachable, and that spring.datasource.url, "
                        + "spring.datasource.username and spring.datasource.password (or SPRING_DATASOURCE_URL, ...) are "
                        + "right. To use the embedded PostgreSQL instead, remove spring.datasource.url.",
                cause);
    }

    /** SQL state classes 08 (connection), 28 (authorization) and 3D (no such database). */
    private static boolean isConnectionProblem(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("28") || state.startsWith("3D");
    }

    /** Keeps a password given in the URL out of the log. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1*****");
    }
}
