package id.sni37122.connectors.portal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Reads one access-log line of the Apache {@code common}, {@code combined} and
 * {@code vhost_combined} formats and Nginx's default (which is {@code combined}); a quoted
 * X-Forwarded-For field after the user agent is read too. Hand-written rather than a regex
 * because a year of logs is tens of millions of lines. One instance per file: it is reused for
 * every line and holds the last line's fields.
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

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private final boolean vhost;
    private final boolean hasAgent;

    String host;
    String address;
    long epochSecond;
    String method;
    /** Lower-case extension of the path without its query, "robots.txt", or null. */
    String extension;
    int status;
    /** The user agent, or null when the format has none. */
    String agent;
    /** The X-Forwarded-For field, or null. */
    String forwardedFor;

    private String line;
    private int pos;

    AccessLogParser(String format) {
        this.vhost = format.equals("vhost_combined");
        this.hasAgent = !format.equals("common");
        this.elements = null;
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
    }

    /** A piece of a log pattern: literal text, or a field (null field: one not needed, skipped). */
    record Element(String literal, String field) {
    }

    private final java.util.List<Element> elements;

    private static final java.util.Map<String, String> FIELDS = java.util.Map.ofEntries(
            java.util.Map.entry("%h", "address"), java.util.Map.entry("%a", "address"), java.util.Map.entry("$remote_addr", "address"),
            java.util.Map.entry("%t", "time"), java.util.Map.entry("$time_local", "time"),
            java.util.Map.entry("%r", "request"), java.util.Map.entry("$request", "request"),
            java.util.Map.entry("%>s", "status"), java.util.Map.entry("%s", "status"), java.util.Map.entry("$status", "status"),
            java.util.Map.entry("%{user-agent}i", "agent"), java.util.Map.entry("$http_user_agent", "agent"),
            java.util.Map.entry("%v", "host"), java.util.Map.entry("%V", "host"), java.util.Map.entry("$host", "host"),
            java.util.Map.entry("$server_name", "host"),
            java.util.Map.entry("%{x-forwarded-for}i", "forwarded"), java.util.Map.entry("$http_x_forwarded_for", "forwarded"));

    static java.util.List<Element> compile(String pattern) {
        java.util.List<Element> out = new java.util.ArrayList<>();
        StringBuilder literal = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("%[<>]?(?:\\{[^}]*\\})?[a-zA-Z]|\\$[a-z_0-9]+").matcher(pattern);
        int at = 0;
        while (m.find()) {
            literal.append(pattern, at, m.start());
            if (literal.length() > 0) {
                out.add(new Element(literal.toString(), null));
                literal.setLength(0);
            }
            String token = m.group();
            String key = token.startsWith("%{") ? token.toLowerCase(java.util.Locale.ROOT) : token;
            out.add(new Element(null, FIELDS.getOrDefault(key, "")));
            at = m.end();
        }
        literal.append(pattern.substring(at));
        if (literal.length() > 0) {
            out.add(new Element(literal.toString(), null));
        }
        return out;
    }

    /** Walks the line along the pattern: each field runs to the literal text that follows it. */
    private void parseWithPattern() throws Malformed {
        host = null;
        agent = null;
        forwardedFor = null;
        address = null;
        int requestStart = -1;
        int requestEnd = -1;
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            if (e.literal() != null) {
                if (!line.startsWith(e.literal(), pos)) {
                    // The line stops inside the expected text: cut short, not another format.
                    boolean cut = e.literal().startsWith(line.substring(Math.min(pos, line.length())));
                    throw new Malformed(cut ? "portal.truncated_line" : "portal.malformed_line", null);
                }
                pos += e.literal().length();
                continue;
            }
            boolean quotedField = pos > 0 && line.charAt(pos - 1) == '"';
            int end;
            if (quotedField) {
                end = closingQuote();
            } else if (e.field().equals("time") && pos < line.length() && line.charAt(pos) == '[') {
                end = line.indexOf(']', pos);
                if (end < 0) {
                    throw new Malformed("portal.truncated_line", null);
                }
                end++;
            } else {
                String next = i + 1 < elements.size() ? elements.get(i + 1).literal() : null;
                end = next == null ? line.length() : line.indexOf(next.charAt(0), pos);
                if (end < 0) {
                    throw new Malformed("portal.truncated_line", null);
                }
            }
            switch (e.field()) {
                case "address" -> address = line.substring(pos, end);
                case "agent" -> agent = line.substring(pos, end);
                case "forwarded" -> forwardedFor = line.substring(pos, end);
                case "host" -> host = line.substring(pos, end).toLowerCase(Locale.ROOT);
                case "status" -> {
                    String t = line.substring(pos, end);
                    if (!t.matches("[1-5]\\d\\d")) {
                        throw new Malformed("portal.bad_status", t);
                    }
                    status = Integer.parseInt(t);
                }
                case "time" -> {
                    int from = line.charAt(pos) == '[' ? pos + 1 : pos;
                    int to = line.charAt(end - 1) == ']' ? end - 1 : end;
                    epochSecond = clfTime(from, to);
                }
                case "request" -> {
                    requestStart = pos;
                    requestEnd = end;
                }
                default -> {
                    // a field 10.1 does not need
                }
            }
            pos = end;
        }
        int s1 = line.indexOf(' ', requestStart);
        if (s1 < 0 || s1 >= requestEnd || s1 == requestStart) {
            throw new Malformed("portal.bad_request", null);
        }
        int s2 = line.lastIndexOf(' ', requestEnd - 1);
        method = method(requestStart, s1);
        extension = PortalConnector.extension(line, s1 + 1, s2 > s1 ? s2 : requestEnd);
    }

    void parse(String text) throws Malformed {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x20 && ch != '\t' || ch == 0x7f) {
                throw new Malformed("portal.binary_line", null); // e.g. a TLS handshake sent to the HTTP port
            }
        }
        parseChecked(text);
    }

    /** The same for a line known to hold no control character ({@link Latin1Lines} looks as it splits). */
    void parseChecked(String text) throws Malformed {
        line = text;
        pos = 0;
        if (elements != null) {
            parseWithPattern();
            return;
        }
        host = null;
        if (vhost) {
            host = token();
            int colon = host.lastIndexOf(':');
            if (colon > 0) {
                host = host.substring(0, colon);
            }
            host = host.toLowerCase(Locale.ROOT);
        }
        address = token();
        skipToken(); // ident
        skipToken(); // user
        epochSecond = time();
        request();
        status = status();
        skipToken(); // bytes sent
        agent = null;
        forwardedFor = null;
        if (hasAgent) {
            skipQuoted(); // referer
            agent = quoted();
            skipSpaces();
            if (pos < line.length() && line.charAt(pos) == '"') {
                forwardedFor = quoted();
            }
        }
    }

    private void skipSpaces() {
        while (pos < line.length() && line.charAt(pos) == ' ') {
            pos++;
        }
    }

    /** The request line "GET /path HTTP/1.1", read in place: the method and the path's extension. */
    private void request() throws Malformed {
        openQuote();
        int start = pos;
        int end = closingQuote();
        int s1 = line.indexOf(' ', start);
        if (s1 < 0 || s1 >= end || s1 == start) {
            throw new Malformed("portal.bad_request", null);
        }
        int s2 = line.lastIndexOf(' ', end - 1);
        method = method(start, s1);
        int pathEnd = s2 > s1 ? s2 : end;
        extension = PortalConnector.extension(line, s1 + 1, pathEnd);
        pos = end + 1;
    }

    private String method(int start, int end) {
        if (line.startsWith("GET", start) && end - start == 3) {
            return "GET";
        }
        if (line.startsWith("POST", start) && end - start == 4) {
            return "POST";
        }
        if (line.startsWith("HEAD", start) && end - start == 4) {
            return "HEAD";
        }
        return line.substring(start, end);
    }

    private int status() throws Malformed {
        skipSpaces();
        int start = pos;
        int v = 0;
        while (pos < line.length() && line.charAt(pos) != ' ') {
            char ch = line.charAt(pos++);
            if (ch < '0' || ch > '9') {
                v = -1000;
            }
            v = v * 10 + ch - '0';
        }
        if (pos - start != 3 || v < 100) {
            throw new Malformed(start == pos ? "portal.truncated_line" : "portal.bad_status", line.substring(start, pos));
        }
        return v;
    }

    private void skipToken() throws Malformed {
        skipSpaces();
        int start = pos;
        int space = line.indexOf(' ', pos);
        pos = space < 0 ? line.length() : space;
        if (start == pos) {
            throw new Malformed("portal.truncated_line", null);
        }
    }

    private void skipQuoted() throws Malformed {
        openQuote();
        pos = closingQuote() + 1;
    }

    /** Moves past the quote that opens the next field: missing at the end of the line is a cut line. */
    private void openQuote() throws Malformed {
        skipSpaces();
        if (pos >= line.length()) {
            throw new Malformed("portal.truncated_line", null);
        }
        if (line.charAt(pos) != '"') {
            throw new Malformed("portal.malformed_line", null);
        }
        pos++;
    }

    /**
     * The index of the quote closing the field that starts at pos (backslash escapes honoured: a
     * quote is escaped when an odd number of backslashes stands right before it).
     */
    private int closingQuote() throws Malformed {
        int i = line.indexOf('"', pos);
        while (i >= 0) {
            int backslashes = 0;
            while (i - backslashes - 1 >= pos && line.charAt(i - backslashes - 1) == '\\') {
                backslashes++;
            }
            if ((backslashes & 1) == 0) {
                return i;
            }
            i = line.indexOf('"', i + 1);
        }
        throw new Malformed("portal.unterminated_quote", null);
    }

    private String token() throws Malformed {
        skipSpaces();
        int start = pos;
        skipToken();
        return line.substring(start, pos);
    }

    private String quoted() throws Malformed {
        openQuote();
        int start = pos;
        int end = closingQuote();
        pos = end + 1;
        String value = line.substring(start, end);
        return value.indexOf('\\') >= 0 ? value.replace("\\\"", "\"") : value;
    }

    /** [10/Oct/2000:13:55:36 -0700] to epoch seconds; impossible dates are errors, not rolled over. */
    private long time() throws Malformed {
        skipSpaces();
        int end = line.indexOf(']', pos);
        if (pos >= line.length() || line.charAt(pos) != '[' || end < 0) {
            throw new Malformed("portal.malformed_line", null);
        }
        int from = pos + 1;
        pos = end + 1;
        return clfTime(from, end);
    }

    /** The time at {@code [from, end)} of the line, "10/Oct/2000:13:55:36 -0700", as epoch seconds. */
    private long clfTime(int from, int end) throws Malformed {
        String t = line;
        if (end - from != 26 || t.charAt(from + 2) != '/' || t.charAt(from + 6) != '/' || t.charAt(from + 11) != ':'
                || t.charAt(from + 20) != ' ') {
            throw new Malformed("portal.bad_time", line.substring(from, end));
        }
        try {
            int day = digits(t, from, 2);
            int month = month(t, from + 3);
            int year = digits(t, from + 7, 4);
            int hour = digits(t, from + 12, 2);
            int minute = digits(t, from + 15, 2);
            int second = digits(t, from + 18, 2);
            char sign = t.charAt(from + 21);
            int offsetMinutes = digits(t, from + 22, 2) * 60 + digits(t, from + 24, 2);
            if (sign != '+' && sign != '-' || hour > 23 || minute > 59 || second > 60) {
                throw new Malformed("portal.bad_time", line.substring(from, end));
            }
            long days = epochDay(year, month, day);
            return days * 86_400 + hour * 3600L + minute * 60L + Math.min(second, 59) - (sign == '+' ? 1 : -1) * offsetMinutes * 60L;
        } catch (DateTimeException | NumberFormatException e) {
            throw new Malformed("portal.bad_time", line.substring(from, end));
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new NumberFormatException(s);
            }
            v = v * 10 + ch - '0';
        }
        return v;
    }

    private static int month(String s, int from) {
        for (int i = 0; i < MONTHS.length; i++) {
            if (s.startsWith(MONTHS[i], from)) {
                return i + 1;
            }
        }
        throw new NumberFormatException(s.substring(from, from + 3));
    }

    /** Lines of one day share their date: validating it once a day keeps 31 February an error at no cost. */
    private int lastYear;
    private int lastMonth;
    private int lastDay;
    private long lastEpochDay;

    private long epochDay(int year, int month, int day) {
        if (year != lastYear || month != lastMonth || day != lastDay) {
            lastEpochDay = LocalDate.of(year, month, day).toEpochDay();
            lastYear = year;
            lastMonth = month;
            lastDay = day;
        }
        return lastEpochDay;
    }
}
