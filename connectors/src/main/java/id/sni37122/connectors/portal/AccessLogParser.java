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
    String path;
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
        token(); // ident
        token(); // user
        epochSecond = time();
        String request = quoted("portal.truncated_line");
        int s1 = request.indexOf(' ');
        int s2 = request.lastIndexOf(' ');
        if (s1 <= 0) {
            throw new Malformed("portal.bad_request", request.length() > 40 ? request.substring(0, 40) : request);
        }
        method = request.substring(0, s1);
        path = s2 > s1 ? request.substring(s1 + 1, s2) : request.substring(s1 + 1);
        String statusText = token();
        if (statusText.length() != 3 || !Character.isDigit(statusText.charAt(0)) || !Character.isDigit(statusText.charAt(1))
                || !Character.isDigit(statusText.charAt(2))) {
            throw new Malformed("portal.bad_status", statusText);
        }
        status = Integer.parseInt(statusText);
        token(); // bytes sent
        agent = null;
        forwardedFor = null;
        if (hasAgent) {
            quoted("portal.truncated_line"); // referer
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
        boolean escaped = false;
        while (pos < line.length()) {
            char ch = line.charAt(pos);
            if (ch == '"' && !escaped) {
                String value = line.substring(start, pos++);
                return value.indexOf('\\') >= 0 ? value.replace("\\\"", "\"") : value;
            }
            escaped = ch == '\\' && !escaped;
            pos++;
        }
        throw new Malformed("portal.unterminated_quote", null);
    }

    /** [10/Oct/2000:13:55:36 -0700] to epoch seconds; impossible dates are errors, not rolled over. */
    private long time() throws Malformed {
        skipSpaces();
        int end = line.indexOf(']', pos);
        if (pos >= line.length() || line.charAt(pos) != '[' || end < 0) {
            throw new Malformed("portal.malformed_line", null);
        }
        String t = line.substring(pos + 1, end);
        pos = end + 1;
        if (t.length() != 26 || t.charAt(2) != '/' || t.charAt(6) != '/' || t.charAt(11) != ':' || t.charAt(20) != ' ') {
            throw new Malformed("portal.bad_time", t);
        }
        try {
            int day = digits(t, 0, 2);
            int month = month(t.substring(3, 6));
            int year = digits(t, 7, 4);
            int hour = digits(t, 12, 2);
            int minute = digits(t, 15, 2);
            int second = digits(t, 18, 2);
            char sign = t.charAt(21);
            int offsetMinutes = digits(t, 22, 2) * 60 + digits(t, 24, 2);
            if (sign != '+' && sign != '-' || hour > 23 || minute > 59 || second > 60) {
                throw new Malformed("portal.bad_time", t);
            }
            long days = LocalDate.of(year, month, day).toEpochDay();
            return days * 86_400 + hour * 3600L + minute * 60L + Math.min(second, 59) - (sign == '+' ? 1 : -1) * offsetMinutes * 60L;
        } catch (DateTimeException | NumberFormatException e) {
            throw new Malformed("portal.bad_time", t);
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

    private static int month(String name) {
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(name)) {
                return i + 1;
            }
        }
        throw new NumberFormatException(name);
    }
}
