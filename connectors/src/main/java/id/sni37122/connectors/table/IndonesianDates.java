package id.sni37122.connectors.table;

import id.sni37122.connectors.AsciiDigits;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates and times as Indonesian exports write them:
 * ISO 8601 (with or without offset), {@code 12/03/2023 14:05} and {@code 12-03-2023} (day first),
 * {@code 12 Maret 2023 14.05} with Indonesian month names or abbreviations, each with or without
 * a time, and an optional zone word (WIB, WITA, WIT) or offset at the end.
 * Impossible dates (31 February) are errors, never rolled over.
 */
public final class IndonesianDates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januari", 1), Map.entry("jan", 1),
            Map.entry("februari", 2), Map.entry("pebruari", 2), Map.entry("feb", 2), Map.entry("peb", 2),
            Map.entry("maret", 3), Map.entry("mar", 3),
            Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("mei", 5),
            Map.entry("juni", 6), Map.entry("jun", 6),
            Map.entry("juli", 7), Map.entry("jul", 7),
            Map.entry("agustus", 8), Map.entry("agu", 8), Map.entry("agt", 8), Map.entry("ags", 8), Map.entry("agus", 8),
            Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("oktober", 10), Map.entry("okt", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("nop", 11), Map.entry("nopember", 11),
            Map.entry("desember", 12), Map.entry("des", 12));

    private static final Map<String, ZoneOffset> ZONE_WORDS = Map.of(
            "WIB", ZoneOffset.ofHours(7), "WITA", ZoneOffset.ofHours(8), "WIT", ZoneOffset.ofHours(9),
            "UTC", ZoneOffset.UTC, "GMT", ZoneOffset.UTC, "Z", ZoneOffset.UTC);

    /** Trailing zone: a word (WIB/WITA/WIT/UTC) or a numeric offset (+07:00, +0700, +07). */
    private static final Pattern TRAILING_ZONE = Pattern.compile(
            "^(.*?)[\\s]*(?:\\b(WIB|WITA|WIT|UTC|GMT)|([+-]\\d{2}(?::?\\d{2})?)|(?<=\\d)(Z))$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC = Pattern.compile(
            "^(\\d{1,4})[/.-](\\d{1,2})[/.-](\\d{1,4})(?:[ T,]+(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2})(?:[.,](\\d{1,9}))?)?)?$");
    private static final Pattern WORDS = Pattern.compile(
            "^(\\d{1,2})[\\s-]+([A-Za-z]+)\\.?[\\s-]+(\\d{4})(?:[\\s,]+(?:(?:pukul|jam)\\s+)?(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?)?$",
            Pattern.CASE_INSENSITIVE);

    /** ISO 8601 without an offset: 2023-03-12, 2023-03-12 14:05, 2023-03-12T14:05:09.5. */
    private static final Pattern ISO_LOCAL = Pattern.compile(
            "^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?$");
    private static final Pattern ISO_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?");
    private static final Pattern OFFSET_HOURS = Pattern.compile("([+-]\\d{2})$");
    private static final Pattern OFFSET_MINUTES = Pattern.compile("([+-]\\d{2})(\\d{2})$");

    private IndonesianDates() {
    }

    /** A point in time; times without a zone are read in {@code zone}. */
    public static Instant parseInstant(String text, ZoneId zone) {
        Parsed p = parse(text);
        return p.offset != null ? p.dateTime.toInstant(p.offset) : p.dateTime.atZone(zone).toInstant();
    }

    /** The calendar date as written (any time and zone are ignored). */
    public static LocalDate parseDate(String text) {
        return parse(text).dateTime.toLocalDate();
    }

    /** True when the text carries a time of day, not a bare date. */
    public static boolean hasTime(String text) {
        return parse(text).hasTime;
    }

    private record Parsed(LocalDateTime dateTime, ZoneOffset offset, boolean hasTime) {
    }

    private static Parsed parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new DateTimeException("empty date");
        }
        String text = raw.strip().replace('\u00a0', ' ');
        Parsed plain = plainDigits(text);
        if (plain != null) {
            return plain;
        }
        Parsed iso = tryIso(text);
        if (iso != null) {
            return iso;
        }
        ZoneOffset offset = null;
        Matcher z = TRAILING_ZONE.matcher(text);
        if (z.matches() && !z.group(1).isBlank()) {
            String word = z.group(2) != null ? z.group(2) : z.group(4);
            if (word != null) {
                offset = ZONE_WORDS.get(word.toUpperCase(Locale.ROOT));
                text = z.group(1).strip();
            } else if (z.group(1).matches(".*\\d[:.]\\d{2}(?::\\d{2})?")) {
                // A numeric offset only after a time of day: "12-03-2023" must keep its year.
                offset = ZoneOffset.of(normalizeOffset(z.group(3)));
                text = z.group(1).strip();
            }
        }
        Matcher m = NUMERIC.matcher(text);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            int c = Integer.parseInt(m.group(3));
            LocalDate date = m.group(1).length() == 4 ? LocalDate.of(a, b, c) : LocalDate.of(fullYear(m.group(3), c), b, a);
            return withTime(date, m.group(4), m.group(5), m.group(6), m.group(7), offset);
        }
        m = WORDS.matcher(text);
        if (m.matches()) {
            Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            if (month == null) {
                month = englishMonth(m.group(2));
            }
            if (month == null) {
                throw new DateTimeException("unknown month name '" + m.group(2) + "'");
            }
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
            return withTime(date, m.group(4), m.group(5), m.group(6), null, offset);
        }
        throw new DateTimeException("unreadable date '" + raw.strip() + "'");
    }

    /**
     * The two forms nearly every export writes, read digit by digit without a regular expression
     * (a million complaints carry three dates each): {@code 2023-03-12[ T]14:05[:09[.5]]} and
     * {@code 12/03/2023[ 14:05[:09]]}, day first. Null for anything else, which the patterns below
     * read (or refuse) as before.
     */
    private static Parsed plainDigits(String t) {
        int n = t.length();
        if (n >= 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
            int y = AsciiDigits.value(t, 0, 4);
            int mo = AsciiDigits.value(t, 5, 2);
            int d = AsciiDigits.value(t, 8, 2);
            if (y < 0 || mo < 0 || d < 0) {
                return null;
            }
            return n == 10 ? new Parsed(LocalDate.of(y, mo, d).atStartOfDay(), null, false)
                    : plainTime(LocalDate.of(y, mo, d), t, 10, true);
        }
        if (n >= 10 && t.charAt(2) == '/' && t.charAt(5) == '/') {
            int d = AsciiDigits.value(t, 0, 2);
            int mo = AsciiDigits.value(t, 3, 2);
            int y = AsciiDigits.value(t, 6, 4);
            if (y < 0 || mo < 0 || d < 0) {
                return null;
            }
            return n == 10 ? new Parsed(LocalDate.of(y, mo, d).atStartOfDay(), null, false)
                    : plainTime(LocalDate.of(y, mo, d), t, 10, false);
        }
        return null;
    }

    /** {@code [ T]HH:mm[:ss[.fraction]]} from {@code at} to the end (a fraction only in ISO); null for anything else. */
    private static Parsed plainTime(LocalDate date, String t, int at, boolean iso) {
        int n = t.length();
        char sep = t.charAt(at);
        if (!(sep == ' ' || iso && sep == 'T') || n != at + 6 && n != at + 9 && !(iso && n > at + 10 && t.charAt(at + 9) == '.')) {
            return null;
        }
        int h = AsciiDigits.value(t, at + 1, 2);
        int m = AsciiDigits.value(t, at + 4, 2);
        if (h < 0 || m < 0 || t.charAt(at + 3) != ':') {
            return null;
        }
        int s = 0;
        int nanos = 0;
        if (n > at + 6) {
            s = AsciiDigits.value(t, at + 7, 2);
            if (s < 0 || t.charAt(at + 6) != ':') {
                return null;
            }
            if (n > at + 9) {
                int fraction = n - at - 10;
                if (fraction > 9 || AsciiDigits.value(t, at + 10, fraction) < 0) {
                    return null;
                }
                nanos = Integer.parseInt((t.substring(at + 10) + "000000000").substring(0, 9));
            }
        }
        return new Parsed(date.atTime(LocalTime.of(h, m, s, nanos)), null, true);
    }

    private static Parsed tryIso(String text) {
        Matcher local = ISO_LOCAL.matcher(text);
        if (local.matches()) {
            // The common case, read without trying formats that throw: a million complaints have three dates each.
            LocalDate date = LocalDate.of(Integer.parseInt(local.group(1)), Integer.parseInt(local.group(2)), Integer.parseInt(local.group(3)));
            return withTime(date, local.group(4), local.group(5), local.group(6), local.group(7), null);
        }
        if (!ISO_SHAPE.matcher(text).matches()) {
            return null;
        }
        String t = text.replace(' ', 'T');
        try {
            OffsetDateTime odt = OffsetDateTime.parse(OFFSET_MINUTES.matcher(OFFSET_HOURS.matcher(t).replaceFirst("$1:00")).replaceFirst("$1:$2"));
            return new Parsed(odt.toLocalDateTime(), odt.getOffset(), true);
        } catch (DateTimeParseException ignored) {
            // not with an offset
        }
        try {
            return new Parsed(LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME), null, true);
        } catch (DateTimeParseException ignored) {
            // not a local date-time
        }
        try {
            return new Parsed(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT))
                    .atStartOfDay(), null, false);
        } catch (DateTimeParseException e) {
            return null; // fall through to the other forms (and their error)
        }
    }

    private static Parsed withTime(LocalDate date, String h, String min, String s, String frac, ZoneOffset offset) {
        if (h == null) {
            return new Parsed(date.atStartOfDay(), offset, false);
        }
        int nanos = frac == null ? 0 : Integer.parseInt((frac + "000000000").substring(0, 9));
        LocalTime time = LocalTime.of(Integer.parseInt(h), Integer.parseInt(min), s == null ? 0 : Integer.parseInt(s), nanos);
        return new Parsed(date.atTime(time), offset, true);
    }

    private static int fullYear(String digits, int value) {
        if (digits.length() == 4) {
            return value;
        }
        if (digits.length() == 2) {
            return 2000 + value; // exports write 23 for 2023; nothing here predates 2000
        }
        throw new DateTimeException("year '" + digits + "' must have 4 digits");
    }

    private static Integer englishMonth(String name) {
        for (java.time.Month month : java.time.Month.values()) {
            String full = month.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
            String shortName = month.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
            if (full.equalsIgnoreCase(name) || shortName.equalsIgnoreCase(name)) {
                return month.getValue();
            }
        }
        return null;
    }

    private static String normalizeOffset(String s) {
        if (s.length() == 3) {
            return s + ":00";
        }
        if (s.length() == 5) {
            return s.substring(0, 3) + ":" + s.substring(3);
        }
        return s;
    }
}
