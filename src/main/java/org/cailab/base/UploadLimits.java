package org.cailab.base;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The largest file an import page accepts ({@code CAILAB_IMPORTS_MAX_UPLOAD_SIZE}, default 512MB). The browser
 * refuses larger files before sending them; the server checks again on the file it received, since a client can
 * ignore the browser's check.
 */
@Component
public class UploadLimits {

    private final long maxBytes;

    public UploadLimits(@Value("${cailab.imports.max-upload-size:512MB}") DataSize maxUploadSize) {
        if (maxUploadSize.toBytes() < 1) {
            throw new IllegalArgumentException("cailab.imports.max-upload-size must be positive");
        }
        this.maxBytes = maxUploadSize.toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The limit for Vaadin's Upload, which takes an int. */
    public int maxBytesForUpload() {
        return (int) Math.min(Integer.MAX_VALUE, maxBytes);
    }

    /** Refuses a received file over the limit, with a message naming file, size and limit. */
    public void check(String fileName, long size) {
        if (size > maxBytes) {
            throw new InputTooLargeException("The file " + fileName + " is too large: "
                    + SizeLimitedInputStream.describe(size) + ", more than the limit of "
                    + SizeLimitedInputStream.describe(maxBytes) + " (CAILAB_IMPORTS_MAX_UPLOAD_SIZE). Compress it with "
                    + "gzip, or split it.");
        }
    }
}
