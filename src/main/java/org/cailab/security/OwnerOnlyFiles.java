package org.cailab.security;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files that hold secrets: created empty with permissions rw------- (where the file system has POSIX permissions). */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {}

    /** Creates the file, failing with {@link java.nio.file.FileAlreadyExistsException} when it exists. */
    public static void create(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }
}
