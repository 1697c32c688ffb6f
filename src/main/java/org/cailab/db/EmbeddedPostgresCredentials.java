package org.cailab.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The two passwords of the embedded PostgreSQL: the superuser's (used only to set the server up at start) and the
 * application role's. Both are generated on first use and kept in one file readable by its owner only; the app
 * role's password can instead come from the environment ({@code CAILAB_DB_PASSWORD}).
 *
 * @param adminPassword the {@code postgres} superuser's password
 * @param appPassword   the application role's password
 */
record EmbeddedPostgresCredentials(String adminPassword, String appPassword) {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String toString() {
        return "EmbeddedPostgresCredentials[*****]"; // never log a password
    }

    /**
     * Reads the credentials file, creating it (or adding a missing entry) with owner-only permissions. A file that
     * others can read is narrowed to its owner.
     *
     * @param file              where the passwords are kept
     * @param configuredAppPassword the app role's password from the configuration, or null/blank to use the file's
     */
    static EmbeddedPostgresCredentials loadOrCreate(Path file, @Nullable String configuredAppPassword) {
        try {
            Properties stored = new Properties();
            if (Files.exists(file)) {
                restrictToOwner(file);
                try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(in);
                }
            }
            boolean changed = false;
            if (isBlank(stored.getProperty("admin"))) {
                stored.setProperty("admin", generate());
                changed = true;
            }
            if (isBlank(stored.getProperty("app"))) {
                stored.setProperty("app", generate());
                changed = true;
            }
            if (changed) {
                write(file, stored);
            }
            String app = isBlank(configuredAppPassword) ? stored.getProperty("app") : configuredAppPassword;
            return new EmbeddedPostgresCredentials(stored.getProperty("admin"), app);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not read or create the embedded PostgreSQL password file " + file + ": " + e.getMessage(),
                    e);
        }
    }

    /** 256 random bits, base64url: safe inside SQL, URLs and properties files. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes through a temporary file created owner-only, so the passwords are never readable by others. */
    private static void write(Path file, Properties values) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (supportsPosix(file)) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(tmp);
        }
        try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            values.store(
                    out,
                    "Passwords of the embedded PostgreSQL (admin: superuser, used only at start; app: the "
                            + "application role). Keep this file private.");
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (supportsPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean supportsPosix(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }

    private static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
