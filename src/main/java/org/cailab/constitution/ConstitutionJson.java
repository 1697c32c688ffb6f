package org.cailab.constitution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The stable JSON shape in which constitution versions are stored: the fields of our own format
 * ({@code cailab-constitution/1}, see {@code constitution/README.md}) as compact JSON. Keeping the stored
 * shape equal to the file format means a stored version can always be read back by the same, tested reader,
 * and a future format version is a migration of both together.
 */
public final class ConstitutionJson {

    private ConstitutionJson() {}

    /** The canonical JSON text of the content: same content, same text (fields and lists in a fixed order). */
    public static String write(ConstitutionContent content) {
        return Mappers.JSON.writeValueAsString(CailabYamlWriter.tree(content));
    }

    /**
     * Reads stored JSON back; field order and whitespace do not matter (PostgreSQL's jsonb changes both).
     *
     * @throws ConstitutionImportException when the JSON is not a valid constitution, naming {@code source}
     */
    public static ConstitutionContent read(String source, String json) {
        ImportContext context = new ImportContext(source);
        JsonNode root;
        try {
            root = Mappers.JSON.readTree(json);
        } catch (JacksonException e) {
            throw context.fail(null, "is not valid JSON: " + e.getOriginalMessage());
        }
        return CailabYamlReader.read(context, root);
    }

    /** SHA-256 (lower-case hex) of the canonical JSON text: equal hashes mean equal content. */
    public static String sha256(ConstitutionContent content) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(write(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
