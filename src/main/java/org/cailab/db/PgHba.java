package org.cailab.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The embedded server's client authentication file ({@code pg_hba.conf}): password sign-ins only. */
final class PgHba {

    /** Every kind of connection, from this machine only, with a SCRAM-SHA-256 password. */
    static final String PASSWORD_ONLY = """
            # Written by Constitutional AI Lab: every sign-in needs a password (SCRAM-SHA-256), from this machine only.
            # TYPE  DATABASE     USER  ADDRESS        METHOD
            local   all          all                  scram-sha-256
            host    all          all   127.0.0.1/32   scram-sha-256
            host    all          all   ::1/128        scram-sha-256
            local   replication  all                  scram-sha-256
            host    replication  all   127.0.0.1/32   scram-sha-256
            host    replication  all   ::1/128        scram-sha-256
            """;

    private PgHba() {}

    /** Whether any rule of the data directory's {@code pg_hba.conf} lets a client in without a password. */
    static boolean allowsTrust(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve("pg_hba.conf");
        if (!Files.exists(file)) {
            return false;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String rule = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            for (String word : rule.trim().split("\\s+")) {
                if (word.equals("trust") || word.equals("peer") || word.equals("ident")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Replaces {@code pg_hba.conf} (atomically: a crash leaves the old or the new file, never half of one). */
    static void writePasswordOnly(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve("pg_hba.conf");
        Path tmp = dataDirectory.resolve("pg_hba.conf.tmp");
        Files.writeString(tmp, PASSWORD_ONLY, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
