package org.cailab.constitution;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The paper's public files in the shared reference data; tests that need them skip when it is absent. */
final class PaperData {

    private static final Path ROOT = Path.of("../shared/data/cai-paper");

    private PaperData() {
    }

    /** The path of a file under {@code ../shared/data/cai-paper}, or an aborted (skipped) test. */
    static Path file(String relative) {
        Path file = ROOT.resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> "reference data " + file
                + " is absent (a fresh clone has no ../shared/data); skipping");
        return file;
    }

    static Path prompts() {
        file("prompts/CritiqueRevisionInstructions.json");
        return ROOT.resolve("prompts");
    }
}
