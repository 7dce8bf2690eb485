package id.sni37122.connectors.portal;

import static id.sni37122.connectors.portal.LineBytes.digits;
import static id.sni37122.connectors.portal.LineBytes.latin1;

import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A log line's time as epoch seconds: the common log format's {@code 10/Oct/2000:13:55:36 -0700},
 * ISO 8601 ({@code $time_iso8601}, JSON logs), W3C's separate UTC date and time, and Nginx's
 * {@code $msec}. Impossible dates and offsets beyond ±14:00 are errors, never rolled over: an
 * offset of +9999 would move a hit by days. One instance per file: lines come day after day, so
 * the date and offset are read (and 31 February refused) once a day.
 */
final class LogTime {

    private static final byte[] MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec".getBytes(StandardCharsets.US_ASCII);
    private static final VarHandle LONGS = Latin1Lines.LONGS;
    /** The largest offset any zone has (Kiribati, +14:00), in minutes. */
    private static final int MAX_OFFSET_MINUTES = 14 * 60;

    /** The bytes of the last date ("10/Oct/2", "Oct/2000") and offset read, and the epoch second of that day's midnight. */
    private long lastDate;
    private long lastMonthYear;
    private long lastOffset;
    private long lastMidnight;

    /** The time at {@code [from, to)}, "10/Oct/2000:13:55:36 -0700", as epoch seconds. */
    long clf(byte[] b, int from, int to) throws Malformed {
        if (to - from != 26 || b[from + 2] != '/' || b[from + 6] != '/' || b[from + 11] != ':' || b[from + 20] != ' ') {
            throw bad(b, from, to);
        }
        long date = (long) LONGS.get(b, from);
        long monthYear = (long) LONGS.get(b, from + 3);
        long offset = (long) LONGS.get(b, from + 18) & 0xffffffffff000000L;
        if (date != lastDate || monthYear != lastMonthYear || offset != lastOffset) {
            int day = digits(b, from, 2);
            int month = month(b, from + 3);
            int year = digits(b, from + 7, 4);
            lastMidnight = midnight(b, from, to, year, month, day) - offsetSeconds(b, from + 21, to, false, from);
            lastDate = date;
            lastMonthYear = monthYear;
            lastOffset = offset;
        }
        return lastMidnight + secondOfDay(b, from + 12, from, to);
    }

    /**
     * ISO 8601 at {@code [from, to)}: {@code 2013-10-10T16:52:00+02:00}, with a fraction, {@code Z},
     * {@code +0200} or a space for the T. Without an offset the time is refused unless
     * {@code utcIfNone} (a format whose times are UTC by definition).
     */
    long iso(byte[] b, int from, int to, boolean utcIfNone) throws Malformed {
        if (to - from < 19 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T' && b[from + 10] != ' ' || b[from + 13] != ':'
                || b[from + 16] != ':') {
            throw bad(b, from, to);
        }
        int at = from + 19;
        if (at < to && (b[at] == '.' || b[at] == ',')) {
            at++;
            while (at < to && LineBytes.isDigit(b[at])) {
                at++;
            }
        }
        long offset;
        if (at == to) {
            if (!utcIfNone) {
                throw bad(b, from, to);
            }
            offset = 0;
        } else if (b[at] == 'Z' && at + 1 == to) {
            offset = 0;
        } else {
            offset = offsetSeconds(b, at, to, true, from);
        }
        long midnight = midnight(b, from, to, digits(b, from, 4), digits(b, from + 5, 2), digits(b, from + 8, 2));
        return midnight + secondOfDay(b, from + 11, from, to) - offset;
    }

    /** W3C extended: the date {@code 2012-02-10} and time {@code 16:42:07} (fraction allowed) as separate fields, in UTC. */
    long w3c(byte[] b, int dateFrom, int dateTo, int timeFrom, int timeTo) throws Malformed {
        if (dateTo - dateFrom != 10 || b[dateFrom + 4] != '-' || b[dateFrom + 7] != '-' || timeTo - timeFrom < 8 || b[timeFrom + 2] != ':'
                || b[timeFrom + 5] != ':') {
            throw bad(b, dateFrom, timeTo);
        }
        long midnight = midnight(b, dateFrom, dateTo, digits(b, dateFrom, 4), digits(b, dateFrom + 5, 2), digits(b, dateFrom + 8, 2));
        return midnight + secondOfDay(b, timeFrom, timeFrom, timeTo);
    }

    /** Nginx's {@code $msec}, "1360047661.123": epoch seconds with milliseconds. */
    static long msec(byte[] b, int from, int to) throws Malformed {
        int dot = LineBytes.indexOf(b, (byte) '.', from, to);
        int stop = dot < 0 ? to : dot;
        if (stop == from || stop - from > 12) {
            throw bad(b, from, to);
        }
        long seconds = 0;
        for (int i = from; i < stop; i++) {
            if (!LineBytes.isDigit(b[i])) {
                throw bad(b, from, to);
            }
            seconds = seconds * 10 + b[i] - '0';
        }
        return seconds;
    }

    /** Parts read one by one (an Apache {@code %{format}t}); without an offset the time is local to {@code zone}. */
    static long fromParts(int year, int month, int day, int hour, int minute, int second, Long offsetSeconds, ZoneId zone) throws Malformed {
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59));
            return offsetSeconds != null ? local.toEpochSecond(ZoneOffset.ofTotalSeconds(offsetSeconds.intValue()))
                    : local.atZone(zone).toEpochSecond();
        } catch (DateTimeException e) {
            throw new Malformed("portal.bad_time", year + "-" + month + "-" + day + " " + hour + ":" + minute + ":" + second);
        }
    }

    /** The offset "+0800" at {@code [at, at + 5)}, in seconds east of UTC; beyond ±14:00 is an error. */
    static long offset(byte[] b, int at) throws Malformed {
        return offsetSeconds(b, at, at + 5, false, at);
    }

    private static long secondOfDay(byte[] b, int at, int from, int to) throws Malformed {
        int hour = digits(b, at, 2);
        int minute = digits(b, at + 3, 2);
        int second = digits(b, at + 6, 2);
        if ((hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 60 || b[at + 2] != ':' || b[at + 5] != ':') {
            throw bad(b, from, to);
        }
        return hour * 3600L + minute * 60L + Math.min(second, 59); // a leap second is the second before it
    }

    private static long midnight(byte[] b, int from, int to, int year, int month, int day) throws Malformed {
        if ((day | month | year) < 0) {
            throw bad(b, from, to);
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay() * 86_400;
        } catch (DateTimeException e) {
            throw bad(b, from, to);
        }
    }

    /** The offset "+0800" (or "+08:00" when {@code colonAllowed}) at {@code at}, running to {@code to}, in seconds east of UTC. */
    private static long offsetSeconds(byte[] b, int at, int to, boolean colonAllowed, int from) throws Malformed {
        byte sign = b[at];
        int hours;
        int minutes;
        if (to - at == 5) {
            hours = digits(b, at + 1, 2);
            minutes = digits(b, at + 3, 2);
        } else if (colonAllowed && to - at == 6 && b[at + 3] == ':') {
            hours = digits(b, at + 1, 2);
            minutes = digits(b, at + 4, 2);
        } else {
            throw bad(b, from, to);
        }
        if ((hours | minutes) < 0 || minutes >= 60 || hours * 60 + minutes > MAX_OFFSET_MINUTES || sign != '+' && sign != '-') {
            throw bad(b, from, to);
        }
        return (sign == '+' ? 1 : -1) * (hours * 3600L + minutes * 60L);
    }

    /** 1 to 12 for Jan to Dec at {@code from}; negative otherwise. */
    private static int month(byte[] b, int from) {
        for (int m = 0; m < 12; m++) {
            if (b[from] == MONTHS[m * 3] && b[from + 1] == MONTHS[m * 3 + 1] && b[from + 2] == MONTHS[m * 3 + 2]) {
                return m + 1;
            }
        }
        return Integer.MIN_VALUE;
    }

    private static Malformed bad(byte[] b, int from, int to) {
        return new Malformed("portal.bad_time", latin1(b, from, to));
    }
}
