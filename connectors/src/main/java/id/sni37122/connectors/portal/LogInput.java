package id.sni37122.connectors.portal;

import id.sni37122.connectors.Compression;
import id.sni37122.connectors.LogContent;
import id.sni37122.connectors.LogTail;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * A portal log's bytes as the parser reads them: decompressed whatever the compression (found by
 * content), and as UTF-8 text with LF line ends whatever the server or the copy made of it: a
 * UTF-8 byte-order mark is dropped, UTF-16 (with or without a mark) is re-encoded, and a file
 * whose lines end in CR alone has them read as LF.
 */
final class LogInput {

    /** The bytes looked at to tell the text's encoding and line ends. */
    private static final int SNIFF = 1 << 16;

    final InputStream in;
    final Compression compression;
    /** What the text was found to be, for the load's details: "utf-8", "utf-8 bom", "utf-16le", "utf-16be", + " cr". */
    final String text;
    private final DigestCount content;

    private LogInput(InputStream in, Compression compression, String text, DigestCount content) {
        this.in = in;
        this.compression = compression;
        this.text = text;
        this.content = content;
    }

    /** The hash of the decompressed content (CRC32C, see LogContent) and its length, for a compressed file read to its end; else null. */
    String contentHash() {
        return content == null ? null : LogContent.crc32c(content.crc);
    }

    long contentBytes() {
        return content == null ? 0 : content.count;
    }

    /** Opens {@code file} from {@code offset} (of its content, decompressed) to {@code end} (for a plain file, its size when hashed). */
    static LogInput open(Path file, long offset, long end) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(6);
        byte[] magic = raw.readNBytes(6);
        raw.reset();
        Compression compression = Compression.of(magic, magic.length);
        InputStream in;
        DigestCount content = null;
        byte[] head;
        if (compression != Compression.NONE) {
            // Rotated logs: decompressed on another core, checksummed as they pass so that a copy compressed
            // otherwise is known by its content.
            content = new DigestCount(Compression.content(raw));
            in = new ReadAhead(content);
            head = in.readNBytes(SNIFF);
            in = new SequenceInputStream(new ByteArrayInputStream(head), in);
        } else {
            raw.mark(SNIFF);
            head = raw.readNBytes(SNIFF);
            raw.reset();
            in = raw;
        }
        String text = "utf-8";
        Charset utf16 = null;
        int skip = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            text = "utf-8 bom";
            skip = 3;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            text = "utf-16le";
            utf16 = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
            text = "utf-16be";
            utf16 = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (head.length >= 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0) {
            text = "utf-16le"; // no mark, but ASCII with a zero after each byte
            utf16 = StandardCharsets.UTF_16LE;
        } else if (head.length >= 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0) {
            text = "utf-16be";
            utf16 = StandardCharsets.UTF_16BE;
        }
        long start = offset > 0 ? offset : skip;
        in.skipNBytes(start);
        if (compression == Compression.NONE && end != Long.MAX_VALUE) {
            in = limited(in, end - start);
        }
        if (utf16 != null) {
            in = new Utf8Of(new InputStreamReader(in, utf16));
        }
        if (LogTail.crOnly(head)) {
            text += " cr";
            in = new CrAsLf(in);
        }
        return new LogInput(in, compression, text, content);
    }


    /** At most {@code limit} bytes of {@code in}: a log written while it loads is read as far as it was hashed. */
    private static InputStream limited(InputStream in, long limit) {
        return new FilterInputStream(in) {
            private long left = limit;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, offset, (int) Math.min(length, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    /** Counts and checksums the bytes read through it. */
    private static final class DigestCount extends FilterInputStream {
        final CRC32C crc = new CRC32C();
        long count;

        DigestCount(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                crc.update(b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                crc.update(buffer, offset, n);
                count += n;
            }
            return n;
        }
    }

    /** A CR that ends a line read as LF. */
    private static final class CrAsLf extends FilterInputStream {
        CrAsLf(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            return b == '\r' ? '\n' : b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\r') {
                    buffer[i] = '\n';
                }
            }
            return n;
        }
    }

    /** Text read from a reader, as UTF-8 bytes. */
    private static final class Utf8Of extends InputStream {
        private final Reader reader;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3);
        private boolean eof;

        Utf8Of(Reader reader) {
            this.reader = reader;
            bytes.flip();
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            while (!bytes.hasRemaining()) {
                if (eof) {
                    return -1;
                }
                int n = reader.read(chars);
                if (n < 0) {
                    eof = true;
                }
                chars.flip();
                bytes.clear();
                encoder.encode(chars, bytes, eof);
                chars.compact();
                bytes.flip();
            }
            int n = Math.min(length, bytes.remaining());
            bytes.get(target, offset, n);
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
