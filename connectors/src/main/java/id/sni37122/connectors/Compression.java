package id.sni37122.connectors;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * How a file is compressed, found by its first bytes, never by its name: logrotate's
 * {@code compresscmd} may be gzip, bzip2, xz or zstd, and a rotated log is named whatever the
 * server's config says. A compressed file whose content is compressed again (a gzip inside a
 * gzip, as a careless copy makes) is opened down to its text.
 */
public enum Compression {
    NONE("-"), GZIP("gzip"), BZIP2("bzip2"), XZ("xz"), ZSTD("zstd");

    /** How many times a content may be compressed inside itself before it is taken for data. */
    private static final int MAX_DEPTH = 3;

    /** The name users know it by. */
    public final String label;

    Compression(String label) {
        this.label = label;
    }

    /** The compression that {@code head} (the first bytes of a stream) starts with. */
    public static Compression of(byte[] head, int n) {
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (n >= 4 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h' && head[3] >= '1' && head[3] <= '9') {
            return BZIP2;
        }
        if (n >= 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X' && head[4] == 'Z' && head[5] == 0) {
            return XZ;
        }
        if (n >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f && (head[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        return NONE;
    }

    public static Compression of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(6);
            return of(head, head.length);
        }
    }

    /** The file's content: decompressed as many times as it was compressed. */
    public static InputStream content(Path file) throws IOException {
        return content(Files.newInputStream(file));
    }

    /** {@code raw}'s content, decompressed as many times as it was compressed; {@code raw} is closed with it. */
    public static InputStream content(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            in.mark(6);
            byte[] head = in.readNBytes(6);
            in.reset();
            Compression c = of(head, head.length);
            if (c == NONE) {
                return in;
            }
            in = new BufferedInputStream(c.open(in), 1 << 16);
        }
        return in;
    }

    /** A compression found but not read: the message names it. */
    public static final class Unsupported extends IOException {
        public final Compression compression;

        Unsupported(Compression compression) {
            super(compression.label);
            this.compression = compression;
        }
    }

    private InputStream open(InputStream in) throws IOException {
        return switch (this) {
            case GZIP -> new GZIPInputStream(in, 1 << 16);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case XZ -> new XZCompressorInputStream(in, true);
            // zstd needs a native library (zstd-jni) that the release does not ship yet: refused by name.
            case ZSTD -> throw new Unsupported(this);
            case NONE -> in;
        };
    }
}
