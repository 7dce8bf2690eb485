package id.sni37122.connectors.portal;

import static id.sni37122.connectors.portal.LineBytes.digits;
import static id.sni37122.connectors.portal.LineBytes.indexOf;
import static id.sni37122.connectors.portal.LineBytes.latin1;
import static id.sni37122.connectors.portal.LineBytes.regionEquals;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line of an Apache {@code LogFormat} or Nginx {@code log_format} given in the config
 * ({@code format: custom, pattern: '...'}). It reads the fields 10.1 needs (address, time,
 * request, status, user agent, host, X-Forwarded-For) and skips the others; each field runs to
 * the literal text that follows it. Apache's {@code %%}, its status modifiers
 * ({@code %!200,304{Referer}i}), {@code %{format}t} (strftime, {@code sec}, {@code msec},
 * {@code usec_frac}, …) and Nginx's {@code $time_iso8601}, {@code $msec}, an unbracketed
 * {@code $time_local} and {@code $request_method $request_uri} in place of {@code $request} are
 * understood. The agent is unescaped as in {@code combined}, so both give the same keys.
 */
final class PatternParser extends TextLogParser {

    enum Field {
        ADDRESS, TIME_CLF, TIME_ISO, TIME_MSEC, EPOCH_S, EPOCH_MS, EPOCH_US, DAY(2), MONTH(2), MONTH_NAME(3), YEAR(4), HOUR(2),
        MINUTE(2), SECOND(2), OFFSET(5), REQUEST, METHOD, URI, STATUS, AGENT, HOST, FORWARDED, SKIP;

        /** Bytes a field of fixed width takes; 0 when it runs to the next literal. */
        final int width;

        Field() {
            this(0);
        }

        Field(int width) {
            this.width = width;
        }
    }

    /** A piece of a log pattern: literal text (field null), or a field, and whether a quote opens it. */
    record Element(byte[] literal, Field field, boolean quoted) {
    }

    private static final Map<String, Field> FIELDS = Map.ofEntries(
            Map.entry("%h", Field.ADDRESS), Map.entry("%a", Field.ADDRESS), Map.entry("%{c}a", Field.ADDRESS),
            Map.entry("$remote_addr", Field.ADDRESS), Map.entry("$realip_remote_addr", Field.ADDRESS),
            Map.entry("%t", Field.TIME_CLF), Map.entry("$time_local", Field.TIME_CLF), Map.entry("$time_iso8601", Field.TIME_ISO),
            Map.entry("$msec", Field.TIME_MSEC),
            Map.entry("%r", Field.REQUEST), Map.entry("$request", Field.REQUEST),
            Map.entry("%m", Field.METHOD), Map.entry("$request_method", Field.METHOD),
            Map.entry("%U", Field.URI), Map.entry("$request_uri", Field.URI), Map.entry("$uri", Field.URI),
            Map.entry("%>s", Field.STATUS), Map.entry("%<s", Field.STATUS), Map.entry("%s", Field.STATUS), Map.entry("$status", Field.STATUS),
            Map.entry("%{user-agent}i", Field.AGENT), Map.entry("$http_user_agent", Field.AGENT),
            Map.entry("%v", Field.HOST), Map.entry("%V", Field.HOST), Map.entry("%{host}i", Field.HOST), Map.entry("$host", Field.HOST),
            Map.entry("$server_name", Field.HOST), Map.entry("$http_host", Field.HOST),
            Map.entry("%{x-forwarded-for}i", Field.FORWARDED), Map.entry("$http_x_forwarded_for", Field.FORWARDED),
            Map.entry("$proxy_add_x_forwarded_for", Field.FORWARDED));

    /** strftime conversions of {@code %{format}t} to the parts they print. */
    private static final Map<Character, List<Object>> STRFTIME = Map.of(
            'd', List.of(Field.DAY), 'b', List.of(Field.MONTH_NAME), 'm', List.of(Field.MONTH), 'Y', List.of(Field.YEAR),
            'H', List.of(Field.HOUR), 'M', List.of(Field.MINUTE), 'S', List.of(Field.SECOND), 'z', List.of(Field.OFFSET),
            'T', List.of(Field.HOUR, ":", Field.MINUTE, ":", Field.SECOND), 'F', List.of(Field.YEAR, "-", Field.MONTH, "-", Field.DAY));

    private static final Pattern TOKEN = Pattern.compile("%%|%[<>]?!?[0-9,]*(?:\\{[^}]*\\})?[a-zA-Z]|\\$[a-zA-Z_0-9]+");

    private final Element[] elements;
    private final boolean hasAgent;
    private final ZoneId zone;
    /** Time parts of the line being read ({@code %{format}t}); the offset in seconds, or null when the pattern prints none. */
    private final int[] parts = new int[Field.values().length];
    private Long offset;

    /** @param zone the zone of times printed without an offset */
    PatternParser(String pattern, ZoneId zone) throws IllegalArgumentException {
        this.elements = compile(pattern).toArray(Element[]::new);
        this.zone = zone;
        Set<Field> fields = EnumSet.noneOf(Field.class);
        for (Element e : elements) {
            if (e.field() != null) {
                fields.add(e.field());
            }
        }
        this.hasAgent = fields.contains(Field.AGENT);
        boolean time = fields.contains(Field.TIME_CLF) || fields.contains(Field.TIME_ISO) || fields.contains(Field.TIME_MSEC)
                || fields.contains(Field.EPOCH_S) || fields.contains(Field.EPOCH_MS) || fields.contains(Field.EPOCH_US)
                || fields.containsAll(EnumSet.of(Field.DAY, Field.YEAR, Field.HOUR, Field.MINUTE, Field.SECOND))
                && (fields.contains(Field.MONTH) || fields.contains(Field.MONTH_NAME));
        boolean request = fields.contains(Field.REQUEST) || fields.contains(Field.METHOD) && fields.contains(Field.URI);
        if (!fields.contains(Field.ADDRESS) || !time || !request || !fields.contains(Field.STATUS)) {
            throw new IllegalArgumentException(pattern);
        }
    }

    @Override
    public boolean hasAgentField() {
        return hasAgent;
    }

    static List<Element> compile(String pattern) {
        List<Object> pieces = new ArrayList<>(); // Strings (literal text) and Fields
        Matcher m = TOKEN.matcher(pattern);
        int at = 0;
        while (m.find()) {
            pieces.add(pattern.substring(at, m.start()));
            String token = m.group();
            at = m.end();
            if (token.equals("%%")) {
                pieces.add("%");
            } else if (token.startsWith("$")) {
                pieces.add(FIELDS.getOrDefault(token, Field.SKIP));
            } else {
                // Apache's modifiers (%>s, %!200,304{Referer}i, %400{…}i) only choose when a field is printed.
                String bare = token.startsWith("%>") || token.startsWith("%<") ? token : "%" + token.substring(1).replaceFirst("^!?[0-9,]*", "");
                if (bare.endsWith("}t")) {
                    pieces.addAll(timeFormat(bare.substring(2, bare.length() - 2)));
                } else {
                    pieces.add(FIELDS.getOrDefault(bare.startsWith("%{") ? bare.toLowerCase(Locale.ROOT) : bare, Field.SKIP));
                }
            }
        }
        pieces.add(pattern.substring(at));
        List<Element> out = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (Object piece : pieces) {
            if (piece instanceof String s) {
                literal.append(s);
                continue;
            }
            boolean quoted = literal.length() > 0 && literal.charAt(literal.length() - 1) == '"';
            if (literal.length() > 0) {
                out.add(new Element(literal.toString().getBytes(StandardCharsets.ISO_8859_1), null, false));
                literal.setLength(0);
            }
            out.add(new Element(null, (Field) piece, quoted));
        }
        if (literal.length() > 0) {
            out.add(new Element(literal.toString().getBytes(StandardCharsets.ISO_8859_1), null, false));
        }
        // A field is quoted when quotes stand on both sides of it: "$request_method $request_uri" is two fields in one quote.
        for (int i = 0; i < out.size(); i++) {
            Element e = out.get(i);
            if (e.quoted() && (i + 1 == out.size() || out.get(i + 1).literal() == null || out.get(i + 1).literal()[0] != '"')) {
                out.set(i, new Element(null, e.field(), false));
            }
        }
        return out;
    }

    /** The pieces an Apache {@code %{format}t} prints. */
    private static List<Object> timeFormat(String format) {
        String f = format.replaceFirst("^(begin|end):", "");
        switch (f) {
            case "sec":
                return List.of(Field.EPOCH_S);
            case "msec":
                return List.of(Field.EPOCH_MS);
            case "usec":
                return List.of(Field.EPOCH_US);
            case "msec_frac", "usec_frac":
                return List.of(Field.SKIP);
            default:
                break;
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c != '%' || i + 1 == f.length()) {
                out.add(String.valueOf(c));
                continue;
            }
            char conversion = f.charAt(++i);
            if (conversion == '%') {
                out.add("%");
            } else if (STRFTIME.containsKey(conversion)) {
                out.addAll(STRFTIME.get(conversion));
            } else {
                throw new IllegalArgumentException("%" + conversion);
            }
        }
        return out;
    }

    @Override
    public boolean parse(byte[] line, int from, int to, Hit hit) throws Malformed {
        start(line, from, to);
        hit.clear();
        offset = null;
        int requestStart = -1;
        int requestEnd = -1;
        int methodStart = -1;
        int methodEnd = -1;
        int uriStart = -1;
        int uriEnd = -1;
        boolean timeRead = false;
        for (int i = 0; i < elements.length; i++) {
            Element e = elements[i];
            byte[] literal = e.literal();
            if (literal != null) {
                if (end - pos < literal.length || !regionEquals(literal, 0, b, pos, literal.length)) {
                    // The line stops inside the expected text: cut short, not another format.
                    boolean cut = end - pos < literal.length && regionEquals(literal, 0, b, pos, end - pos);
                    throw new Malformed(cut ? "portal.truncated_line" : "portal.malformed_line", null);
                }
                pos += literal.length;
                continue;
            }
            int stop = stop(i, e);
            switch (e.field()) {
                case ADDRESS -> {
                    hit.addressBytes = b;
                    hit.addressFrom = pos;
                    hit.addressTo = stop;
                }
                case AGENT -> agent(hit, pos, stop, e.quoted() && passedEscapedQuote);
                case FORWARDED -> {
                    hit.forwardedBytes = b;
                    hit.forwardedFrom = pos;
                    hit.forwardedTo = stop;
                }
                case HOST -> {
                    int colon = LineBytes.lastIndexOf(b, (byte) ':', pos, stop);
                    hit.host = LineBytes.lowerCase(b, pos, colon > pos && digits(b, colon + 1, stop - colon - 1) >= 0 ? colon : stop);
                }
                case STATUS -> {
                    if (stop - pos != 3 || b[pos] < '1' || b[pos] > '5' || !LineBytes.isDigit(b[pos + 1]) || !LineBytes.isDigit(b[pos + 2])) {
                        throw new Malformed("portal.bad_status", latin1(b, pos, stop));
                    }
                    hit.status = (b[pos] - '0') * 100 + (b[pos + 1] - '0') * 10 + b[pos + 2] - '0';
                }
                case TIME_CLF -> {
                    int f = stop > pos && b[pos] == '[' ? pos + 1 : pos;
                    int t = stop > f && b[stop - 1] == ']' ? stop - 1 : stop;
                    hit.epochSecond = time.clf(b, f, t);
                    timeRead = true;
                }
                case TIME_ISO -> {
                    hit.epochSecond = time.iso(b, pos, stop, false);
                    timeRead = true;
                }
                case TIME_MSEC, EPOCH_S -> {
                    hit.epochSecond = LogTime.msec(b, pos, stop);
                    timeRead = true;
                }
                case EPOCH_MS, EPOCH_US -> {
                    int drop = e.field() == Field.EPOCH_MS ? 3 : 6;
                    hit.epochSecond = LogTime.msec(b, pos, Math.max(pos, stop - drop));
                    timeRead = true;
                }
                case OFFSET -> offset = LogTime.offset(b, pos);
                case MONTH_NAME -> parts[Field.MONTH.ordinal()] = monthName(pos);
                case DAY, MONTH, YEAR, HOUR, MINUTE, SECOND -> {
                    int v = digits(b, pos, stop - pos);
                    if (v < 0) {
                        throw new Malformed("portal.bad_time", latin1(b, pos, stop));
                    }
                    parts[e.field().ordinal()] = v;
                }
                case REQUEST -> {
                    requestStart = pos;
                    requestEnd = stop;
                }
                case METHOD -> {
                    methodStart = pos;
                    methodEnd = stop;
                }
                case URI -> {
                    uriStart = pos;
                    uriEnd = stop;
                }
                case SKIP -> {
                    // a field 10.1 does not need
                }
            }
            pos = stop;
        }
        if (requestStart >= 0) {
            LineBytes.request(b, requestStart, requestEnd, hit);
        } else if (LineBytes.isDash(b, methodStart, methodEnd)) {
            hit.method = "-";
            hit.extension = null;
        } else {
            hit.method = LineBytes.method(b, methodStart, methodEnd);
            hit.extension = LineBytes.extension(b, uriStart, uriEnd);
        }
        if (!timeRead) {
            hit.epochSecond = LogTime.fromParts(parts[Field.YEAR.ordinal()], parts[Field.MONTH.ordinal()], parts[Field.DAY.ordinal()],
                    parts[Field.HOUR.ordinal()], parts[Field.MINUTE.ordinal()], parts[Field.SECOND.ordinal()], offset, zone);
        }
        return true;
    }

    /** Where the field of element {@code i}, which starts at pos, ends. */
    private int stop(int i, Element e) throws Malformed {
        Field field = e.field();
        if (field.width > 0 || field == Field.TIME_CLF && (pos >= end || b[pos] != '[')) {
            int width = field == Field.TIME_CLF ? 26 : field.width; // an unbracketed $time_local holds a space
            if (end - pos < width) {
                throw new Malformed("portal.truncated_line", null);
            }
            return pos + width;
        }
        if (e.quoted()) {
            return closingQuote();
        }
        if (field == Field.TIME_CLF) {
            int close = indexOf(b, (byte) ']', pos, end);
            if (close < 0) {
                throw new Malformed("portal.truncated_line", null);
            }
            return close + 1;
        }
        byte[] next = i + 1 < elements.length ? elements[i + 1].literal() : null;
        if (next == null) {
            if (i + 1 == elements.length) {
                return end;
            }
            int space = indexOf(b, (byte) ' ', pos, end); // two fields with nothing between: the first ends at a space
            return space < 0 ? end : space;
        }
        // A user name with spaces runs to the bracket of an Apache %t; an address list to the literal after its last comma.
        boolean bracketNext = i + 2 < elements.length && elements[i + 2].field() == Field.TIME_CLF && next[next.length - 1] != '[';
        int from = pos;
        while (true) {
            int stop = find(next, bracketNext, from);
            if (stop < 0) {
                throw new Malformed("portal.truncated_line", null);
            }
            if (field != Field.ADDRESS || stop == pos || b[stop - 1] != ',') {
                return stop;
            }
            from = stop + 1;
        }
    }

    /** The first index at or after {@code from} where {@code literal} (followed by '[' when {@code bracket}) stands, or -1. */
    private int find(byte[] literal, boolean bracket, int from) {
        int n = literal.length + (bracket ? 1 : 0);
        for (int at = indexOf(b, literal[0], from, end); at >= 0 && end - at >= n; at = indexOf(b, literal[0], at + 1, end)) {
            if (regionEquals(literal, 0, b, at, literal.length) && (!bracket || b[at + literal.length] == '[')) {
                return at;
            }
        }
        return bracket ? find(literal, false, from) : -1;
    }

    private static final byte[] MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec".getBytes(StandardCharsets.US_ASCII);

    private int monthName(int at) throws Malformed {
        for (int m = 0; m < 12; m++) {
            if (b[at] == MONTHS[m * 3] && b[at + 1] == MONTHS[m * 3 + 1] && b[at + 2] == MONTHS[m * 3 + 2]) {
                return m + 1;
            }
        }
        throw new Malformed("portal.bad_time", latin1(b, at, at + 3));
    }
}
