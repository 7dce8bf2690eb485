package id.sni37122.connectors.portal;

import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one access-log line of the Apache {@code common}, {@code combined} and
 * {@code vhost_combined} formats and Nginx's default (which is {@code combined}); a quoted
 * X-Forwarded-For field after the user agent is read too. Hand-written rather than a regex
 * because a year of logs is tens of millions of lines, and it reads the line's bytes where they
 * lie in the read buffer: the address and the user agent stay positions in it, and only what
 * is rare (an unknown method or extension, a host name) becomes a String. One instance per file:
 * it is reused for every line and holds the last line's fields.
 */
final class AccessLogParser {

    /** Why a line was not read; each is a message key under {@code portal.}. */
    static final class Malformed extends Exception {
        final String reason;
        final String detail;

        Malformed(String reason, String detail) {
            super(reason, null, false, false);
            this.reason = reason;
            this.detail = detail;
        }
    }

    private static final byte[] MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec".getBytes(StandardCharsets.US_ASCII);
    private static final VarHandle LONGS = Latin1Lines.LONGS;
    private static final long ONES = Latin1Lines.ONES;
    private static final long HIGHS = Latin1Lines.HIGHS;

    private final boolean vhost;
    private final boolean hasAgent;

    /** The host the line names (vhost_combined or a pattern's host field), lower-case, without a port; else null. */
    String host;
    long epochSecond;
    String method;
    /** Lower-case extension of the path without its query, "robots.txt", or null. */
    String extension;
    int status;
    /** The X-Forwarded-For field, or null. */
    String forwardedFor;
    /** The client address field: bytes {@code [addressFrom, addressTo)} of the line. */
    int addressFrom;
    int addressTo;
    /**
     * The user agent: bytes {@code [agentFrom, agentTo)} of {@code agentBytes}, which is the line
     * itself or, when the agent had escaped quotes, a copy without the escapes; null when the
     * format has no user agent.
     */
    byte[] agentBytes;
    int agentFrom;
    int agentTo;
    /** The visitor's address as {@link #visitorAddress()} chose it: bytes {@code [visitorFrom, visitorTo)} of {@code visitorBytes}. */
    byte[] visitorBytes;
    int visitorFrom;
    int visitorTo;

    /** The line: bytes {@code [lineStart, end)} of {@code b}; {@code pos} is where reading stands. */
    private byte[] b;
    private int lineStart;
    private int pos;
    private int end;
    private byte[] unescaped = new byte[256];
    /** Whether the last {@link #closingQuote()} passed an escaped quote. */
    private boolean passedEscapedQuote;

    AccessLogParser(String format) {
        this.vhost = format.equals("vhost_combined");
        this.hasAgent = !format.equals("common");
        this.elements = null;
        this.literals = null;
    }

    /**
     * A parser for an Apache {@code LogFormat} or Nginx {@code log_format} string given in the
     * config ({@code format: custom, pattern: '...'}). It reads the fields 10.1 needs (address,
     * time, request, status, user agent, host, X-Forwarded-For) and skips the others.
     */
    AccessLogParser(String format, String pattern) throws IllegalArgumentException {
        this.vhost = false;
        this.elements = compile(pattern);
        this.hasAgent = elements.stream().anyMatch(e -> "agent".equals(e.field()));
        if (elements.stream().noneMatch(e -> "address".equals(e.field())) || elements.stream().noneMatch(e -> "time".equals(e.field()))
                || elements.stream().noneMatch(e -> "request".equals(e.field())) || elements.stream().noneMatch(e -> "status".equals(e.field()))) {
            throw new IllegalArgumentException(pattern);
        }
        this.literals = new byte[elements.size()][];
        for (int i = 0; i < elements.size(); i++) {
            String literal = elements.get(i).literal();
            literals[i] = literal == null ? null : literal.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** A piece of a log pattern: literal text, or a field (null field: one not needed, skipped). */
    record Element(String literal, String field) {
    }

    private final List<Element> elements;
    /** The elements' literal text as bytes, null for fields. */
    private final byte[][] literals;

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("%h", "address"), Map.entry("%a", "address"), Map.entry("$remote_addr", "address"),
            Map.entry("%t", "time"), Map.entry("$time_local", "time"),
            Map.entry("%r", "request"), Map.entry("$request", "request"),
            Map.entry("%>s", "status"), Map.entry("%s", "status"), Map.entry("$status", "status"),
            Map.entry("%{user-agent}i", "agent"), Map.entry("$http_user_agent", "agent"),
            Map.entry("%v", "host"), Map.entry("%V", "host"), Map.entry("$host", "host"),
            Map.entry("$server_name", "host"),
            Map.entry("%{x-forwarded-for}i", "forwarded"), Map.entry("$http_x_forwarded_for", "forwarded"));

    static List<Element> compile(String pattern) {
        List<Element> out = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        Matcher m = Pattern.compile("%[<>]?(?:\\{[^}]*\\})?[a-zA-Z]|\\$[a-z_0-9]+").matcher(pattern);
        int at = 0;
        while (m.find()) {
            literal.append(pattern, at, m.start());
            if (literal.length() > 0) {
                out.add(new Element(literal.toString(), null));
                literal.setLength(0);
            }
            String token = m.group();
            String key = token.startsWith("%{") ? token.toLowerCase(Locale.ROOT) : token;
            out.add(new Element(null, FIELDS.getOrDefault(key, "")));
            at = m.end();
        }
        literal.append(pattern.substring(at));
        if (literal.length() > 0) {
            out.add(new Element(literal.toString(), null));
        }
        return out;
    }

    /** The user agent as text (Latin-1, as logged), or null. */
    String agent() {
        return agentBytes == null ? null : new String(agentBytes, agentFrom, agentTo - agentFrom, StandardCharsets.ISO_8859_1);
    }

    /** Reads a line given as text: every char must be Latin-1, as {@link Latin1Lines#next()} gives them. */
    void parse(String text) throws Malformed {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (byte ch : bytes) {
            if (Latin1Lines.isControl(ch)) {
                throw new Malformed("portal.binary_line", null); // e.g. a TLS handshake sent to the HTTP port
            }
        }
        parseChecked(bytes, 0, bytes.length);
    }

    /** Reads the line at {@code [from, to)} of {@code line}, known to hold no control character ({@link Latin1Lines} looks as it splits). */
    void parseChecked(byte[] line, int from, int to) throws Malformed {
        b = line;
        lineStart = from;
        pos = from;
        end = to;
        host = null;
        agentBytes = null;
        forwardedFor = null;
        if (elements != null) {
            parseWithPattern();
            return;
        }
        if (vhost) {
            int start = token();
            int colon = lastIndexOf((byte) ':', start, pos);
            host = lowerCase(start, colon > start ? colon : pos);
        }
        addressFrom = token();
        addressTo = pos;
        skipToken(); // ident
        skipToken(); // user
        epochSecond = time();
        request();
        status = status();
        skipToken(); // bytes sent
        if (hasAgent) {
            skipQuoted(); // referer
            readAgent();
            skipSpaces();
            if (pos < end && b[pos] == '"') {
                openQuote();
                int start = pos;
                pos = closingQuote() + 1;
                forwardedFor = latin1(start, pos - 1);
            }
        }
    }

    /** Walks the line along the pattern: each field runs to the literal text that follows it. */
    private void parseWithPattern() throws Malformed {
        int requestStart = -1;
        int requestEnd = -1;
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            byte[] literal = literals[i];
            if (literal != null) {
                if (!startsWith(literal, pos)) {
                    // The line stops inside the expected text: cut short, not another format.
                    boolean cut = end - pos < literal.length && regionEquals(literal, 0, pos, end - pos);
                    throw new Malformed(cut ? "portal.truncated_line" : "portal.malformed_line", null);
                }
                pos += literal.length;
                continue;
            }
            boolean quotedField = pos > lineStart && b[pos - 1] == '"';
            int stop;
            if (quotedField) {
                stop = closingQuote();
            } else if (e.field().equals("time") && pos < end && b[pos] == '[') {
                stop = indexOf((byte) ']', pos, end);
                if (stop < 0) {
                    throw new Malformed("portal.truncated_line", null);
                }
                stop++;
            } else {
                byte[] next = i + 1 < elements.size() ? literals[i + 1] : null;
                stop = next == null ? end : indexOf(next[0], pos, end);
                if (stop < 0) {
                    throw new Malformed("portal.truncated_line", null);
                }
            }
            switch (e.field()) {
                case "address" -> {
                    addressFrom = pos;
                    addressTo = stop;
                }
                case "agent" -> {
                    agentBytes = b;
                    agentFrom = pos;
                    agentTo = stop;
                }
                case "forwarded" -> forwardedFor = latin1(pos, stop);
                case "host" -> host = lowerCase(pos, stop);
                case "status" -> {
                    if (stop - pos != 3 || b[pos] < '1' || b[pos] > '5' || !isDigit(b[pos + 1]) || !isDigit(b[pos + 2])) {
                        throw new Malformed("portal.bad_status", latin1(pos, stop));
                    }
                    status = (b[pos] - '0') * 100 + (b[pos + 1] - '0') * 10 + b[pos + 2] - '0';
                }
                case "time" -> {
                    int from = stop > pos && b[pos] == '[' ? pos + 1 : pos;
                    int to = stop > from && b[stop - 1] == ']' ? stop - 1 : stop;
                    epochSecond = clfTime(from, to);
                }
                case "request" -> {
                    requestStart = pos;
                    requestEnd = stop;
                }
                default -> {
                    // a field 10.1 does not need
                }
            }
            pos = stop;
        }
        readRequest(requestStart, requestEnd);
    }

    private void skipSpaces() {
        while (pos < end && b[pos] == ' ') {
            pos++;
        }
    }

    /** The request line "GET /path HTTP/1.1", read in place: the method and the path's extension. */
    private void request() throws Malformed {
        openQuote();
        int start = pos;
        int close = closingQuote();
        readRequest(start, close);
        pos = close + 1;
    }

    private void readRequest(int start, int close) throws Malformed {
        int s1 = indexOf((byte) ' ', start, close);
        if (s1 <= start) {
            throw new Malformed("portal.bad_request", null);
        }
        int s2 = lastIndexOf((byte) ' ', s1, close);
        method = method(start, s1);
        extension = extension(b, s1 + 1, s2 > s1 ? s2 : close);
    }

    private String method(int start, int stop) {
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
        return latin1(start, stop);
    }

    private int status() throws Malformed {
        skipSpaces();
        int start = pos;
        int v = 0;
        while (pos < end && b[pos] != ' ') {
            byte ch = b[pos++];
            if (!isDigit(ch)) {
                v = -1000;
            }
            v = v * 10 + ch - '0';
        }
        if (pos - start != 3 || v < 100) {
            throw new Malformed(start == pos ? "portal.truncated_line" : "portal.bad_status", latin1(start, pos));
        }
        return v;
    }

    private void skipToken() throws Malformed {
        skipSpaces();
        int start = pos;
        while (pos < end && b[pos] != ' ') {
            pos++;
        }
        if (start == pos) {
            throw new Malformed("portal.truncated_line", null);
        }
    }

    /** Skips the next space-separated token and returns where it started. */
    private int token() throws Malformed {
        skipSpaces();
        int start = pos;
        skipToken();
        return start;
    }

    private void skipQuoted() throws Malformed {
        openQuote();
        pos = closingQuote() + 1;
    }

    /** The quoted user agent; escaped quotes ({@code \"}) are copied out without their backslash. */
    private void readAgent() throws Malformed {
        openQuote();
        int start = pos;
        int close = closingQuote();
        pos = close + 1;
        if (!passedEscapedQuote) {
            agentBytes = b;
            agentFrom = start;
            agentTo = close;
            return;
        }
        if (unescaped.length < close - start) {
            unescaped = new byte[close - start];
        }
        int n = 0;
        for (int i = start; i < close; i++) {
            if (b[i] == '\\' && i + 1 < close && b[i + 1] == '"') {
                i++;
            }
            unescaped[n++] = b[i];
        }
        agentBytes = unescaped;
        agentFrom = 0;
        agentTo = n;
    }

    /** Moves past the quote that opens the next field: missing at the end of the line is a cut line. */
    private void openQuote() throws Malformed {
        skipSpaces();
        if (pos >= end) {
            throw new Malformed("portal.truncated_line", null);
        }
        if (b[pos] != '"') {
            throw new Malformed("portal.malformed_line", null);
        }
        pos++;
    }

    /**
     * The index of the quote closing the field that starts at pos (backslash escapes honoured: a
     * quote is escaped when an odd number of backslashes stands right before it).
     */
    private int closingQuote() throws Malformed {
        passedEscapedQuote = false;
        int i = indexOf((byte) '"', pos, end);
        while (i >= 0) {
            int backslashes = 0;
            while (i - backslashes - 1 >= pos && b[i - backslashes - 1] == '\\') {
                backslashes++;
            }
            if ((backslashes & 1) == 0) {
                return i;
            }
            passedEscapedQuote = true;
            i = indexOf((byte) '"', i + 1, end);
        }
        throw new Malformed("portal.unterminated_quote", null);
    }

    /** [10/Oct/2000:13:55:36 -0700] to epoch seconds; impossible dates are errors, not rolled over. */
    private long time() throws Malformed {
        skipSpaces();
        int close = indexOf((byte) ']', pos, end);
        if (pos >= end || b[pos] != '[' || close < 0) {
            throw new Malformed("portal.malformed_line", null);
        }
        int from = pos + 1;
        pos = close + 1;
        return clfTime(from, close);
    }

    /** The time at {@code [from, to)} of the line, "10/Oct/2000:13:55:36 -0700", as epoch seconds. */
    private long clfTime(int from, int to) throws Malformed {
        if (to - from != 26 || b[from + 2] != '/' || b[from + 6] != '/' || b[from + 11] != ':' || b[from + 20] != ' ') {
            throw new Malformed("portal.bad_time", latin1(from, to));
        }
        // Lines come day after day: the date and offset are read (and 31 February refused) once a day.
        long date = (long) LONGS.get(b, from);
        long monthYear = (long) LONGS.get(b, from + 3);
        long offset = (long) LONGS.get(b, from + 18) & 0xffffffffff000000L;
        if (date != lastDate || monthYear != lastMonthYear || offset != lastOffset) {
            lastMidnight = midnight(from, to);
            lastDate = date;
            lastMonthYear = monthYear;
            lastOffset = offset;
        }
        int hour = digits(from + 12, 2);
        int minute = digits(from + 15, 2);
        int second = digits(from + 18, 2);
        if ((hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 60) {
            throw new Malformed("portal.bad_time", latin1(from, to));
        }
        return lastMidnight + hour * 3600L + minute * 60L + Math.min(second, 59);
    }

    /** The bytes of the last date ("10/Oct/2", "Oct/2000") and offset read, and the epoch second of that day's midnight. */
    private long lastDate;
    private long lastMonthYear;
    private long lastOffset;
    private long lastMidnight;

    private long midnight(int from, int to) throws Malformed {
        int day = digits(from, 2);
        int month = month(from + 3);
        int year = digits(from + 7, 4);
        byte sign = b[from + 21];
        int offsetMinutes = digits(from + 22, 2) * 60 + digits(from + 24, 2);
        if ((day | month | year | offsetMinutes) < 0 || sign != '+' && sign != '-') {
            throw new Malformed("portal.bad_time", latin1(from, to));
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay() * 86_400 - (sign == '+' ? 1 : -1) * offsetMinutes * 60L;
        } catch (DateTimeException e) {
            throw new Malformed("portal.bad_time", latin1(from, to));
        }
    }

    /** The decimal number of {@code count} digits at {@code from}, or a negative number when one is not a digit. */
    private int digits(int from, int count) {
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

    /** 1 to 12 for Jan to Dec at {@code from}; negative otherwise. */
    private int month(int from) {
        for (int m = 0; m < 12; m++) {
            if (b[from] == MONTHS[m * 3] && b[from + 1] == MONTHS[m * 3 + 1] && b[from + 2] == MONTHS[m * 3 + 2]) {
                return m + 1;
            }
        }
        return Integer.MIN_VALUE;
    }

    /**
     * The visitor's address (INDICATORS.md): the first public address in X-Forwarded-For when the
     * log has one, else the client address; IPv4 only. Returns it as a number (and its text in
     * {@code visitorBytes}), or -1 when there is none.
     */
    long visitorAddress() {
        if (forwardedFor != null && !forwardedFor.equals("-")) {
            for (String candidate : forwardedFor.split(",")) {
                byte[] a = candidate.strip().getBytes(StandardCharsets.ISO_8859_1);
                long v = ipv4(a, 0, a.length);
                if (v >= 0 && isPublic((int) v)) {
                    visitorBytes = a;
                    visitorFrom = 0;
                    visitorTo = a.length;
                    return v;
                }
            }
        }
        visitorBytes = b;
        visitorFrom = addressFrom;
        visitorTo = addressTo;
        return ipv4(b, addressFrom, addressTo);
    }

    /** The dotted-quad IPv4 address at {@code [from, to)} as an unsigned number, or -1 when it is not one. */
    static long ipv4(byte[] s, int from, int to) {
        int parts = 0;
        int value = -1;
        long out = 0;
        for (int i = from; i <= to; i++) {
            int ch = i < to ? s[i] : '.';
            if (ch == '.') {
                if (value < 0) {
                    return -1;
                }
                out = out << 8 | value;
                parts++;
                value = -1;
            } else if (ch >= '0' && ch <= '9') {
                value = value < 0 ? ch - '0' : value * 10 + ch - '0';
                if (value > 255) {
                    return -1;
                }
            } else {
                return -1;
            }
        }
        return parts == 4 ? out : -1;
    }

    /** Not private (RFC 1918), loopback, link-local or carrier-grade NAT. */
    static boolean isPublic(int ipv4) {
        int a = ipv4 >>> 24;
        int b = ipv4 >>> 16 & 0xff;
        return !(a == 10 || a == 127 || a == 0 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168
                || a == 169 && b == 254 || a == 100 && b >= 64 && b <= 127);
    }

    /** Lower-case extension of the path at {@code [from, to)} without its query, or "robots.txt"; null when none. */
    static String extension(byte[] s, int from, int to) {
        int stop = to;
        int slash = from - 1;
        int dot = -1;
        for (int i = from; i < to; i++) {
            byte c = s[i];
            if (c == '?' || c == '#') {
                stop = i;
                break;
            }
            if (c == '/') {
                slash = i;
            } else if (c == '.') {
                dot = i;
            }
        }
        if (slash == from && stop - slash == 11 && ROBOTS_TXT.equalsIgnoreCase(new String(s, slash + 1, 10, StandardCharsets.ISO_8859_1))) {
            return ROBOTS_TXT;
        }
        if (dot <= slash || dot == stop - 1 || stop - dot > 9) {
            return null;
        }
        // Most hits share a few extensions: found by their bytes, they cost no allocation.
        String known = commonExtension(pack(s, dot + 1, stop));
        return known != null ? known : new String(s, dot + 1, stop - dot - 1, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
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

    private static boolean isDigit(byte ch) {
        return ch >= '0' && ch <= '9';
    }

    private boolean startsWith(byte[] literal, int at) {
        return end - at >= literal.length && regionEquals(literal, 0, at, literal.length);
    }

    private boolean regionEquals(byte[] literal, int literalFrom, int at, int length) {
        return java.util.Arrays.equals(literal, literalFrom, literalFrom + length, b, at, at + length);
    }

    private String latin1(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private String lowerCase(int from, int to) {
        return latin1(from, to).toLowerCase(Locale.ROOT);
    }

    /**
     * The first index of {@code c} in {@code [from, to)} of the line, or -1. Eight bytes at a time:
     * the quoted fields it crosses are a hundred bytes and more.
     */
    private int indexOf(byte c, int from, int to) {
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

    /** The last index of {@code c} in {@code [from, to)} of the line, or -1. */
    private int lastIndexOf(byte c, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
