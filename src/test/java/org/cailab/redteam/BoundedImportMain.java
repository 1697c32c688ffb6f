package org.cailab.redteam;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Runs an import in a JVM of its own (started by {@link RedTeamImportIT} with a small {@code -Xmx}), against the test's
 * database: proves that the import streams, since the file's content would not fit into this heap. Prints the
 * records imported and the peak heap use.
 *
 * <p>Arguments: JDBC URL, user, file; the password comes from the environment ({@code CAILAB_TEST_DB_PASSWORD}),
 * not the command line.
 */
public final class BoundedImportMain {

    private BoundedImportMain() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        Path file = Path.of(args[2]);
        try (Connection connection = DriverManager.getConnection(
                url, user, java.util.Objects.requireNonNullElse(System.getenv("CAILAB_TEST_DB_PASSWORD"), ""))) {
            connection.setAutoCommit(false);
            DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES);
            JooqAttemptRepository repository = new JooqAttemptRepository(dsl);
            long importId = repository.insertImport(file.getFileName().toString(), "bounded-import-test");
            int records;
            try (InputStream in = Files.newInputStream(file)) {
                records = AttemptImporter.run(importId, file.getFileName().toString(), in, repository);
            }
            connection.commit();
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getPeakUsage)
                    .mapToLong(u -> u == null ? 0 : u.getUsed())
                    .sum();
            // what survived collections: the old generation's peak (the sum above counts every young-gen fill)
            long oldPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool ->
                            pool.getType() == MemoryType.HEAP && pool.getName().matches(".*(Old|Tenured).*"))
                    .mapToLong(pool -> pool.getPeakUsage().getUsed())
                    .sum();
            System.out.println("IMPORTED " + records + " IMPORT_ID " + importId + " PEAK_HEAP_BYTES " + peak
                    + " OLD_GEN_PEAK_BYTES " + oldPeak + " MAX_HEAP_BYTES "
                    + Runtime.getRuntime().maxMemory());
        }
    }
}
