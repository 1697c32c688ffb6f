import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build-time jOOQ code generation: starts an embedded PostgreSQL, applies the Flyway migrations and
 * generates jOOQ classes from the real schema. Skips when neither the migrations nor this file changed.
 * Run by exec-maven-plugin at generate-sources (see pom.xml); arguments: migrations dir, output dir, package.
 */
public class JooqCodegen {

    /** Bump when the generator settings below change, so that the sources are regenerated. */
    private static final String GENERATOR_CONFIG_VERSION = "1";

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]).toAbsolutePath();
        Path output = Path.of(args[1]).toAbsolutePath();
        String packageName = args[2];
        Path stamp = output.resolve(".migrations.sha256");
        String hash = hashOf(migrations, packageName);
        if (Files.exists(stamp) && Files.readString(stamp).equals(hash)) {
            System.out.println("[jooq-codegen] migrations unchanged, generated sources are up to date");
            return;
        }
        long start = System.nanoTime();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Flyway.configure()
                    .dataSource(pg.getPostgresDatabase())
                    .locations("filesystem:" + migrations)
                    .load()
                    .migrate();
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc()
                            .withDriver("org.postgresql.Driver")
                            .withUrl(pg.getJdbcUrl("postgres", "postgres"))
                            .withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withOutputSchemaToDefault(true)
                                    .withExcludes("flyway_schema_history"))
                            .withGenerate(new Generate()
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withJavaTimeTypes(true)
                                    .withGeneratedAnnotation(false))
                            .withTarget(new Target()
                                    .withPackageName(packageName)
                                    .withDirectory(output.toString())
                                    .withClean(true))));
        }
        Files.writeString(stamp, hash);
        System.out.printf("[jooq-codegen] generated %s in %d ms%n", packageName, (System.nanoTime() - start) / 1_000_000);
    }

    private static String hashOf(Path migrations, String packageName) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(packageName.getBytes(StandardCharsets.UTF_8));
        digest.update(GENERATOR_CONFIG_VERSION.getBytes(StandardCharsets.UTF_8));
        List<Path> files;
        try (Stream<Path> s = Files.list(migrations)) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path f : files) {
            digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
