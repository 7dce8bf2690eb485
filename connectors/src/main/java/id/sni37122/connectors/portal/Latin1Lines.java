package id.sni37122.connectors.portal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a log, split on LF with an optional CR removed: read in place in the buffer
 * ({@link #advance()}) or as Latin-1 strings, every byte one char ({@link #next()}). Faster than
 * a BufferedReader over a decoder for the tens of millions of lines of a year's logs: no
 * decoding, and the bytes are scanned sixteen at a time. The same scan notes control characters
 * (other than tab and CR), which no log line has but a TLS handshake sent to the HTTP port does.
 */
final class Latin1Lines {

    /** Eight bytes of an array read as one little-endian long, and the masks of the byte-parallel tests. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long ONES = 0x0101010101010101L;
    static final long HIGHS = 0x8080808080808080L;

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    private boolean control;
    private int lineStart;
    private int lineEnd;

    Latin1Lines(InputStream in) {
        this.in = in;
    }

    /** Whether the line {@link #next()} returned last holds a control character other than tab (or a CR before its LF). */
    boolean hadControl() {
        return control;
    }

    /** The next line, or null at the end; a last line without LF is returned too. */
    String next() throws IOException {
        return advance() ? new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1) : null;
    }

    /**
     * Moves to the next line, false at the end. The line is bytes {@code [lineStart(), lineEnd())}
     * of {@code buffer()} until the next call: read in place, it costs no copy.
     */
    boolean advance() throws IOException {
        int scan = start;
        control = false;
        while (true) {
            int lf = find(scan);
            if (lf >= 0) {
                int len = lf - start;
                if (len > 0 && buf[lf - 1] == '\r') {
                    len--;
                    if (control) {
                        control = hasControl(start, start + len); // the CR ending the line is allowed
                    }
                }
                lineStart = start;
                lineEnd = start + len;
                start = lf + 1;
                return true;
            }
            scan = end;
            if (eof) {
                if (start == end) {
                    return false;
                }
                lineStart = start;
                lineEnd = end;
                start = end;
                return true;
            }
            if (start > 0) { // keep the partial line, make room behind it
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                scan -= start;
                start = 0;
            }
            if (end == buf.length) {
                byte[] bigger = new byte[buf.length * 2]; // a very long line
                System.arraycopy(buf, 0, bigger, 0, end);
                buf = bigger;
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
    }

    byte[] buffer() {
        return buf;
    }

    int lineStart() {
        return lineStart;
    }

    int lineEnd() {
        return lineEnd;
    }

    /** Whether the current line is empty or only white space (as {@link String#isBlank()} has it). */
    boolean blank() {
        for (int i = lineStart; i < lineEnd; i++) {
            byte b = buf[i];
            if (!(b == ' ' || b >= 0x09 && b <= 0x0d || b >= 0x1c && b <= 0x1f)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index of the first LF at or after {@code from} in the bytes read, or -1; notes a control
     * byte on the way. Sixteen bytes a turn until a word holds a byte below 0x20 or a DEL, which
     * in a log is nearly always the LF itself; then straight to that byte.
     */
    private int find(int from) {
        byte[] b = buf;
        int limit = end;
        int i = from;
        while (i + 16 <= limit) { // two words a turn: independent, so the CPU works on both at once
            long w1 = (long) LONGS.get(b, i);
            long w2 = (long) LONGS.get(b, i + 8);
            long x1 = w1 ^ 0x7f7f7f7f7f7f7f7fL;
            long x2 = w2 ^ 0x7f7f7f7f7f7f7f7fL;
            if ((((w1 - 0x2020202020202020L) & ~w1 | (x1 - ONES) & ~x1 | (w2 - 0x2020202020202020L) & ~w2 | (x2 - ONES) & ~x2) & HIGHS) != 0) {
                break;
            }
            i += 16;
        }
        while (i + 8 <= limit) {
            long w = (long) LONGS.get(b, i);
            long low = (w - 0x2020202020202020L) & ~w & HIGHS; // bytes below 0x20 (0x80 and up excluded)
            long x = w ^ 0x7f7f7f7f7f7f7f7fL;
            long del = (x - ONES) & ~x & HIGHS; // bytes equal to 0x7f
            long flagged = low | del;
            if (flagged == 0) {
                i += 8;
                continue;
            }
            // The lowest flag is exact (a borrow only misflags bytes above it): usually the LF.
            i += Long.numberOfTrailingZeros(flagged) >>> 3;
            if (b[i] == '\n') {
                return i;
            }
            if (isControl(b[i])) {
                control = true;
            }
            i++;
        }
        for (; i < limit; i++) {
            byte c = b[i];
            if (c == '\n') {
                return i;
            }
            if (isControl(c)) {
                control = true;
            }
        }
        return -1;
    }

    private boolean hasControl(int from, int to) {
        for (int i = from; i < to; i++) {
            if (isControl(buf[i])) {
                return true;
            }
        }
        return false;
    }

    /** A control character other than tab: no log line has one. */
    static boolean isControl(byte b) {
        return b >= 0 && b < 0x20 && b != '\t' || b == 0x7f;
    }
}
