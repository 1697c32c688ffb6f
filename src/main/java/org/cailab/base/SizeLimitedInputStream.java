package org.cailab.base;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most {@code maxBytes} from the stream it wraps and fails with {@link InputTooLargeException} on the next
 * byte: put around a decompressing stream so that a small gzip file of gigabytes ("gzip bomb") stops early instead of
 * filling memory or the database.
 */
public final class SizeLimitedInputStream extends FilterInputStream {

    private final long maxBytes;
    private final String what;
    private long read;

    /** @param what how the message names the data, e.g. "the file (after decompression)" */
    public SizeLimitedInputStream(InputStream in, long maxBytes, String what) {
        super(in);
        this.maxBytes = maxBytes;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, maxBytes - read + 1));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, maxBytes - read + 1));
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) {
        read += n;
        if (read > maxBytes) {
            throw new InputTooLargeException(what + " is too large: more than " + describe(maxBytes) + ".");
        }
    }

    /** A byte count for people: "512 MB", "4 MB", "100 KB". */
    public static String describe(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MB";
        }
        return Math.max(1, bytes >> 10) + " KB";
    }
}
