package org.cailab.constitution;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The paper's public files in the shared reference data ({@code ../shared/data}, or the directory in the system
 * property {@code cailab.sharedData}); tests that need them skip when it is absent.
 */
public final class PaperData {

    private static final Path ROOT = Path.of(System.getProperty("cailab.sharedData", "../shared/data"), "cai-paper");

    private PaperData() {}

    /** The path of a file under {@code ../shared/data/cai-paper}, or an aborted (skipped) test. */
    public static Path file(String relative) {
        Path file = ROOT.resolve(relative);
        Assumptions.assumeTrue(
                Files.isRegularFile(file),
                () -> "reference data " + file + " is absent (a fresh clone has no ../shared/data); skipping");
        return file;
    }

    public static Path prompts() {
        file("prompts/CritiqueRevisionInstructions.json");
        return ROOT.resolve("prompts");
    }
}
