package org.cailab.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh data directories under {@code target/}, so tests never touch a developer's {@code ./data}. */
public final class TestDataDirs {

    private TestDataDirs() {}

    public static Path create(String purpose) {
        try {
            Path root = Files.createDirectories(Path.of("target", "test-data"));
            return Files.createTempDirectory(root, purpose + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
