package org.cailab.constitution;

import java.nio.charset.StandardCharsets;

/**
 * A constitution written to a file, ready to download.
 *
 * @param fileName    a name the importer recognises the format by
 * @param contentType the MIME type
 * @param bytes       the file (UTF-8 text)
 */
public record ExportedFile(String fileName, String contentType, byte[] bytes) {

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
