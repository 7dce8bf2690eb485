package id.sni37122.connectors.portal;

import static id.sni37122.connectors.portal.LineBytes.isDash;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * W3C extended log format (W3C WD-logfile-960323; IIS, IIS Advanced Logging, Incapsula, Oracle
 * Web Cache), driven by each file's {@code #Fields:} directive, which may change within a file.
 * Times are UTC ({@code date}, {@code time}; a {@code #GMT-Offset:} directive moves them) or the
 * server's ({@code date-local}, {@code time-local}: the source's zone). A field is a token, or a
 * quoted string with {@code ""} for a quote; in an unquoted user agent {@code +} stands for a space.
 */
final class W3cParser implements HitParser {

    private enum Field { DATE, TIME, DATE_LOCAL, TIME_LOCAL, ADDRESS, METHOD, URI_STEM, URI, STATUS, AGENT, HOST, FORWARDED, OTHER }

    private final ZoneId zone;
    private final LogTime time = new LogTime();
    private Field[] fields;
    private boolean hasAgent;
    /** The date of {@code #Date:}, "2000-10-09", for logs whose fields have a time but no date. */
    private byte[] directiveDate;
    private long gmtOffsetSeconds;
    /** Token bounds of the line being read (quoted tokens are unquoted in place), and the agent with its + as spaces. */
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private byte[] agent = new byte[512];

    W3cParser(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public boolean hasAgentField() {
        return fields == null || hasAgent;
    }

    @Override
    public boolean parse(byte[] b, int from, int to, Hit hit) throws Malformed {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        if (from == to) {
            return false;
        }
        if (b[from] == '#') {
            directive(new String(b, from + 1, to - from - 1, StandardCharsets.ISO_8859_1).strip());
            return false;
        }
        if (fields == null) {
            throw new Malformed("portal.w3c_no_fields", null);
        }
        hit.clear();
        int n = tokens(b, from, to);
        int date = -1;
        int timeAt = -1;
        boolean local = false;
        int stem = -1;
        int uri = -1;
        int method = -1;
        for (int i = 0; i < fields.length && i < n; i++) {
            switch (fields[i]) {
                case DATE -> date = i;
                case DATE_LOCAL -> {
                    date = i;
                    local = true;
                }
                case TIME -> timeAt = i;
                case TIME_LOCAL -> {
                    timeAt = i;
                    local = true;
                }
                case ADDRESS -> {
                    hit.addressBytes = b;
                    hit.addressFrom = starts[i];
                    hit.addressTo = ends[i];
                }
                case METHOD -> method = i;
                case URI_STEM -> stem = i;
                case URI -> uri = i;
                case STATUS -> {
                    if (isDash(b, starts[i], ends[i])) {
                        hit.status = 0; // no response written (Incapsula: REQ_BAD_SERVER_CLOSED_CONNECTION): filtered like "-" 408
                        continue;
                    }
                    int s = LineBytes.digits(b, starts[i], ends[i] - starts[i]);
                    if (ends[i] - starts[i] != 3 || s < 100) {
                        throw new Malformed("portal.bad_status", LineBytes.latin1(b, starts[i], ends[i]));
                    }
                    hit.status = s;
                }
                case AGENT -> agent(b, i, hit);
                case HOST -> hit.host = isDash(b, starts[i], ends[i]) ? null : LineBytes.lowerCase(b, starts[i], ends[i]);
                case FORWARDED -> {
                    if (!isDash(b, starts[i], ends[i])) {
                        hit.forwardedBytes = b;
                        hit.forwardedFrom = starts[i];
                        hit.forwardedTo = ends[i];
                    }
                }
                case OTHER -> {
                    // a field 10.1 does not need
                }
            }
        }
        boolean statusRead = false;
        for (int i = 0; i < fields.length && i < n; i++) {
            statusRead |= fields[i] == Field.STATUS;
        }
        if (hit.addressBytes == null || timeAt < 0 || method < 0 || stem < 0 && uri < 0 || !statusRead) {
            throw new Malformed(n < fields.length ? "portal.truncated_line" : "portal.w3c_fields_missing", null);
        }
        hit.epochSecond = epochSecond(b, date, timeAt, local);
        hit.method = isDash(b, starts[method], ends[method]) ? "-" : LineBytes.method(b, starts[method], ends[method]);
        int path = stem >= 0 ? stem : uri;
        hit.extension = LineBytes.extension(b, starts[path], ends[path]);
        return true;
    }

    private long epochSecond(byte[] b, int date, int timeAt, boolean local) throws Malformed {
        int timeTo = ends[timeAt];
        int dot = LineBytes.indexOf(b, (byte) '.', starts[timeAt], timeTo);
        if (dot > 0) {
            timeTo = dot; // 17:00:00.363
        }
        long utc;
        if (date >= 0) {
            utc = time.w3c(b, starts[date], ends[date], starts[timeAt], timeTo);
        } else if (directiveDate != null) {
            byte[] line = Arrays.copyOf(directiveDate, 11 + timeTo - starts[timeAt]);
            line[10] = ' ';
            System.arraycopy(b, starts[timeAt], line, 11, timeTo - starts[timeAt]);
            utc = time.w3c(line, 0, 10, 11, line.length);
        } else {
            throw new Malformed("portal.w3c_fields_missing", null);
        }
        if (local) {
            // the server's local time: read as UTC above, moved by the zone's offset at that moment
            return utc - zone.getRules().getOffset(java.time.Instant.ofEpochSecond(utc)).getTotalSeconds();
        }
        return utc - gmtOffsetSeconds;
    }

    private void agent(byte[] b, int i, Hit hit) {
        int from = starts[i];
        int to = ends[i];
        if (isDash(b, from, to)) {
            return; // no agent sent: the field exists, the value is empty
        }
        boolean quoted = from > 0 && b[from - 1] == '"'; // the opening quote stays where it was
        if (agent.length < to - from) {
            agent = new byte[to - from];
        }
        for (int k = from; k < to; k++) {
            agent[k - from] = b[k] == '+' && !quoted ? (byte) ' ' : b[k];
        }
        hit.agentBytes = agent;
        hit.agentFrom = 0;
        hit.agentTo = to - from;
    }

    /** Splits the line into tokens: runs of non-space, or quoted strings ({@code ""} inside is a quote). */
    private int tokens(byte[] b, int from, int to) throws Malformed {
        int n = 0;
        int i = from;
        while (i < to) {
            while (i < to && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            if (i >= to) {
                break;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            if (b[i] == '"') {
                int start = ++i;
                int w = start; // "" is a quote: the token is unquoted in place
                while (true) {
                    if (i >= to) {
                        throw new Malformed("portal.unterminated_quote", null);
                    }
                    if (b[i] == '"' && i + 1 < to && b[i + 1] == '"') {
                        b[w++] = '"';
                        i += 2;
                    } else if (b[i] == '"') {
                        i++;
                        break;
                    } else {
                        b[w++] = b[i++];
                    }
                }
                starts[n] = start;
                ends[n] = w;
            } else {
                starts[n] = i;
                while (i < to && b[i] != ' ' && b[i] != '\t') {
                    i++;
                }
                ends[n] = i;
            }
            n++;
        }
        return n;
    }

    private void directive(String d) {
        int colon = d.indexOf(':');
        if (colon < 0) {
            return;
        }
        String name = d.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = d.substring(colon + 1).strip();
        switch (name) {
            case "fields" -> {
                List<String> names = Arrays.stream(value.split("\\s+")).filter(s -> !s.isEmpty()).toList();
                fields = names.stream().map(W3cParser::field).toArray(Field[]::new);
                hasAgent = names.stream().anyMatch(s -> field(s) == Field.AGENT);
            }
            case "date", "start-date" -> {
                if (value.length() >= 10 && value.charAt(4) == '-') {
                    directiveDate = value.substring(0, 10).getBytes(StandardCharsets.ISO_8859_1);
                }
            }
            case "gmt-offset" -> {
                if (value.matches("[+-]\\d{4}")) {
                    int minutes = Integer.parseInt(value.substring(1, 3)) * 60 + Integer.parseInt(value.substring(3, 5));
                    gmtOffsetSeconds = (value.charAt(0) == '-' ? -60L : 60L) * minutes;
                }
            }
            default -> {
                // #Software, #Version, #Remark, #End-Date: nothing 10.1 needs
            }
        }
    }

    private static Field field(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "date" -> Field.DATE;
            case "time" -> Field.TIME;
            case "date-local" -> Field.DATE_LOCAL;
            case "time-local" -> Field.TIME_LOCAL;
            case "c-ip" -> Field.ADDRESS;
            case "cs-method" -> Field.METHOD;
            case "cs-uri-stem" -> Field.URI_STEM;
            case "cs-uri" -> Field.URI;
            case "sc-status" -> Field.STATUS;
            case "cs(user-agent)" -> Field.AGENT;
            case "cs-host", "cs(host)" -> Field.HOST;
            case "cs(x-forwarded-for)", "x-forwarded-for" -> Field.FORWARDED;
            default -> Field.OTHER;
        };
    }
}
