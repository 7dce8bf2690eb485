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
    }

    void parse(String text) throws Malformed {
        line = text;
        pos = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x20 && ch != '\t' || ch == 0x7f) {
                throw new Malformed("portal.binary_line", null); // e.g. a TLS handshake sent to the HTTP port
            }
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
            agent = quoted("portal.truncated_line");
            skipSpaces();
            if (pos < line.length() && line.charAt(pos) == '"') {
                forwardedFor = quoted("portal.truncated_line");
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
        skipSpaces();
        if (pos >= line.length()) {
            throw new Malformed("portal.truncated_line", null);
        }
        if (line.charAt(pos) != '"') {
            throw new Malformed("portal.malformed_line", null);
        }
        int start = ++pos;
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
        while (pos < line.length() && line.charAt(pos) != ' ') {
            pos++;
        }
        if (start == pos) {
            throw new Malformed("portal.truncated_line", null);
        }
    }

    private void skipQuoted() throws Malformed {
        skipSpaces();
        if (pos >= line.length()) {
            throw new Malformed("portal.truncated_line", null);
        }
        if (line.charAt(pos) != '"') {
            throw new Malformed("portal.malformed_line", null);
        }
        pos++;
        pos = closingQuote() + 1;
    }

    /** The index of the quote closing the field that starts at pos (backslash escapes honoured). */
    private int closingQuote() throws Malformed {
        int i = pos;
        boolean escaped = false;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (ch == '"' && !escaped) {
                return i;
            }
            escaped = ch == '\\' && !escaped;
            i++;
        }
        throw new Malformed("portal.unterminated_quote", null);
    }

    private String token() throws Malformed {
        skipSpaces();
        int start = pos;
        while (pos < line.length() && line.charAt(pos) != ' ') {
            pos++;
        }
        if (start == pos) {
            throw new Malformed("portal.truncated_line", null);
        }
        return line.substring(start, pos);
    }

    private String quoted(String missingReason) throws Malformed {
        skipSpaces();
        if (pos >= line.length()) {
            throw new Malformed(missingReason, null);
        }
        if (line.charAt(pos) != '"') {
            throw new Malformed("portal.malformed_line", null);
        }
        int start = ++pos;
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
