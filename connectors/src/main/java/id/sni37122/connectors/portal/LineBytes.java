package id.sni37122.connectors.portal;

import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Searches and small readings over a line's bytes, shared by the parsers. */
final class LineBytes {

    private static final VarHandle LONGS = Latin1Lines.LONGS;
    private static final long ONES = Latin1Lines.ONES;
    private static final long HIGHS = Latin1Lines.HIGHS;

    private LineBytes() {
    }

    /**
     * The first index of {@code c} in {@code [from, to)} of {@code b}, or -1. Eight bytes at a time:
     * the quoted fields it crosses are a hundred bytes and more.
     */
    static int indexOf(byte[] b, byte c, int from, int to) {
        long pattern = (c & 0xffL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The last index of {@code c} in {@code [from, to)} of {@code b}, or -1. */
    static int lastIndexOf(byte[] b, byte c, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    static boolean isDigit(byte ch) {
        return ch >= '0' && ch <= '9';
    }

    /** The decimal number of {@code count} digits at {@code from}, or a negative number when one is not a digit. */
    static int digits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            byte ch = b[i];
            if (!isDigit(ch)) {
                return Integer.MIN_VALUE;
            }
            v = v * 10 + ch - '0';
        }
        return v;
    }

    static String latin1(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    static String lowerCase(byte[] b, int from, int to) {
        return latin1(b, from, to).toLowerCase(Locale.ROOT);
    }

    static boolean regionEquals(byte[] literal, int literalFrom, byte[] b, int at, int length) {
        return Arrays.equals(literal, literalFrom, literalFrom + length, b, at, at + length);
    }

    /** Whether {@code [from, to)} is "-" or empty: a field the server had no value for. */
    static boolean isDash(byte[] b, int from, int to) {
        return to == from || to - from == 1 && b[from] == '-';
    }

    /** The method at {@code [start, stop)}: the three usual ones without allocating. */
    static String method(byte[] b, int start, int stop) {
        int n = stop - start;
        if (n == 3 && b[start] == 'G' && b[start + 1] == 'E' && b[start + 2] == 'T') {
            return "GET";
        }
        if (n == 4 && b[start] == 'P' && b[start + 1] == 'O' && b[start + 2] == 'S' && b[start + 3] == 'T') {
            return "POST";
        }
        if (n == 4 && b[start] == 'H' && b[start + 1] == 'E' && b[start + 2] == 'A' && b[start + 3] == 'D') {
            return "HEAD";
        }
        return latin1(b, start, stop);
    }

    /**
     * The request line "GET /path HTTP/1.1" at {@code [start, close)}: its method and the path's
     * extension into {@code hit}. "-" or nothing (a connection closed before its request: {@code "-" 408},
     * {@code "" 400}) is a hit without a request, which 10.1's method rule filters like a status.
     */
    static void request(byte[] b, int start, int close, Hit hit) throws Malformed {
        if (isDash(b, start, close)) {
            hit.method = "-";
            hit.extension = null;
            return;
        }
        int s1 = indexOf(b, (byte) ' ', start, close);
        if (s1 <= start) {
            throw new Malformed("portal.bad_request", null);
        }
        int s2 = lastIndexOf(b, (byte) ' ', s1, close);
        hit.method = method(b, start, s1);
        hit.extension = extension(b, s1 + 1, s2 > s1 ? s2 : close);
    }

    /**
     * Writes {@code [from, to)} of {@code b} into {@code out} (at least {@code to - from} long) with
     * each escaped quote ({@code \"}) as a bare quote, as Apache and Nginx escape them; returns the
     * length written.
     */
    static int unescapeQuotes(byte[] b, int from, int to, byte[] out) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\\' && i + 1 < to && b[i + 1] == '"') {
                i++;
            }
            out[n++] = b[i];
        }
        return n;
    }

    /** Lower-case extension of the path at {@code [from, to)} without its query, or "robots.txt"; null when none. */
    static String extension(byte[] s, int from, int to) {
        int stop = queryStart(s, from, to);
        if (stop - from == 11 && s[from] == '/' && ROBOTS_TXT.equalsIgnoreCase(new String(s, from + 1, 10, StandardCharsets.ISO_8859_1))) {
            return ROBOTS_TXT;
        }
        // The extension ends the last segment and is at most eight bytes: read backwards from the end
        // to its dot, stopping at a slash, instead of reading the whole path.
        int dot = -1;
        for (int i = stop - 1; i >= from && i >= stop - 9; i--) {
            byte c = s[i];
            if (c == '.') {
                dot = i;
                break;
            }
            if (c == '/') {
                return null;
            }
        }
        if (dot < 0 || dot == stop - 1) {
            return null;
        }
        // Most hits share a few extensions: found by their bytes, they cost no allocation.
        String known = commonExtension(pack(s, dot + 1, stop));
        return known != null ? known : new String(s, dot + 1, stop - dot - 1, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }

    /** Where the query or fragment of the path at {@code [from, to)} starts (its '?' or '#'), else {@code to}; eight bytes at a time. */
    private static int queryStart(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(b, i);
            long q = w ^ 0x3f3f3f3f3f3f3f3fL; // '?' bytes become zero
            long h = w ^ 0x2323232323232323L; // '#'
            long found = ((q - ONES) & ~q | (h - ONES) & ~h) & HIGHS; // the lowest flag is exact for either
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '?' || b[i] == '#') {
                return i;
            }
        }
        return to;
    }

    private static final String ROBOTS_TXT = "robots.txt";

    /** Frequent extensions, lower-case as logged, in a small open-addressing table keyed by {@link #pack}. */
    private static final long[] COMMON_PACKED = new long[64];
    private static final String[] COMMON_EXTENSIONS = new String[64];

    static {
        for (String e : List.of("css", "js", "png", "jpg", "jpeg", "gif", "svg", "ico", "woff", "woff2", "csv", "json", "xlsx", "pdf",
                "html", "php", "map", "webp", "zip", "geojson", "txt", "xml")) {
            byte[] bytes = e.getBytes(StandardCharsets.US_ASCII);
            long packed = pack(bytes, 0, bytes.length);
            int slot = slot(packed);
            while (COMMON_EXTENSIONS[slot] != null) {
                slot = slot + 1 & 63;
            }
            COMMON_PACKED[slot] = packed;
            COMMON_EXTENSIONS[slot] = e;
        }
    }

    private static String commonExtension(long packed) {
        for (int slot = slot(packed); COMMON_EXTENSIONS[slot] != null; slot = slot + 1 & 63) {
            if (COMMON_PACKED[slot] == packed) {
                return COMMON_EXTENSIONS[slot];
            }
        }
        return null;
    }

    private static int slot(long packed) {
        return (int) (packed * 0x9E3779B97F4A7C15L >>> 58);
    }

    /** Up to eight bytes (no NUL among them) as one long, the first byte lowest. */
    private static long pack(byte[] s, int from, int to) {
        long packed = 0;
        for (int i = to - 1; i >= from; i--) {
            packed = packed << 8 | s[i] & 0xff;
        }
        return packed;
    }
}
