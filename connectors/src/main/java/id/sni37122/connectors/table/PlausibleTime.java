package id.sni37122.connectors.table;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Times a source could really hold: not before 2000 (a 1900 date is an empty Excel cell or a
 * placeholder) and not more than a day in the future (a typo in the year).
 */
public final class PlausibleTime {

    /** The earliest instant accepted. */
    public static final Instant EARLIEST = LocalDate.of(2000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private static volatile Clock clock = Clock.systemUTC();

    private PlausibleTime() {
    }

    public static boolean ok(Instant t) {
        return !t.isBefore(EARLIEST) && !t.isAfter(latest());
    }

    public static boolean ok(LocalDate d) {
        return ok(d.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** Now plus a day of slack for clocks and zones. */
    public static Instant latest() {
        return clock.instant().plus(Duration.ofDays(1));
    }
}
