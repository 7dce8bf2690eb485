package id.sni37122.indicators;

import id.sni37122.indicators.DowntimePerIncident.Outage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * What one monitor's checks say (10.4): its outages, the spells nobody watched it, and the time it
 * was watched. The checks are a state log: a status holds until the monitor's next check (Uptime
 * Kuma 2.x keeps only the status changes for a year). DOWN holds as an outage, MAINTENANCE as a
 * planned one; PENDING (Kuma retrying) neither starts nor ends one. The monitor was watched
 * between checks no further apart than its own spacing allows ({@code downtime_checks.sql}) and
 * in every stretch its source's aggregates say it had beats (Kuma's stat_daily and stat_hourly);
 * the rest, between its first and last evidence, is a data gap, not downtime: an outage is cut at
 * a gap's start and, as the status held, goes on after it as a new one; nothing merges across it.
 * Outages of one kind closer than {@code mergeGap} (a short up spell) are joined.
 *
 * @param key     the monitor's identity in its source
 * @param monitor the monitor's name
 * @param spacing the monitor's typical seconds between checks (the median), or null with one check
 * @param outages in time order; the last may be open (end null: still down at the end of the data)
 * @param gaps    the data gaps, in time order
 * @param watched the stretches the monitor was watched, in time order, none touching another
 */
record MonitorTimeline(String key, String monitor, Double spacing, List<Outage> outages, List<Span> gaps, List<Span> watched) {

    /**
     * A check that matters ({@code downtime_checks.sql}): UTC time, status (up, down, pending,
     * maintenance); for one after a gap, the silence before it and the spacing around it, in seconds.
     */
    record Check(LocalDateTime ts, String status, boolean afterGap, Double silence, Double spacing) {

        /** A check with no gap before it. */
        Check(LocalDateTime ts, String status) {
            this(ts, status, false, null, null);
        }

        /** Where the watched time before the gap ended: the previous check, standing for one spacing. */
        LocalDateTime gapFrom() {
            LocalDateTime previous = ts.minus(millis(silence));
            LocalDateTime end = spacing == null ? previous : previous.plus(millis(spacing));
            return end.isAfter(ts) ? ts : end;
        }
    }

    /** A stretch of UTC time. */
    record Span(LocalDateTime from, LocalDateTime to) {
        double hours() {
            return Duration.between(from, to).toMillis() / 3_600_000.0;
        }

        /** Hours of this span inside [from, to). */
        double hoursWithin(LocalDateTime start, LocalDateTime end) {
            LocalDateTime a = from.isAfter(start) ? from : start;
            LocalDateTime b = to.isBefore(end) ? to : end;
            return a.isBefore(b) ? Duration.between(a, b).toMillis() / 3_600_000.0 : 0;
        }
    }

    /**
     * @param checks  the monitor's checks that matter, in time order (at least one)
     * @param buckets stretches its source's aggregates say it was watched, in any order
     */
    static MonitorTimeline of(String key, String monitor, Double spacing, List<Check> checks, List<Span> buckets, Duration mergeGap) {
        List<Span> evidence = clipped(buckets, checks.get(0).ts(), checks.get(checks.size() - 1).ts());
        LocalDateTime from = checks.get(0).ts();
        for (Check c : checks) {
            if (c.afterGap()) {
                evidence.add(new Span(from, c.gapFrom()));
                from = c.ts();
            }
        }
        evidence.add(new Span(from, checks.get(checks.size() - 1).ts()));
        List<Span> watched = union(evidence);
        List<Span> gaps = new ArrayList<>();
        for (int i = 1; i < watched.size(); i++) {
            gaps.add(new Span(watched.get(i - 1).to(), watched.get(i).from()));
        }
        return new MonitorTimeline(key, monitor, spacing, outages(monitor, checks, gaps, mergeGap), gaps, watched);
    }

    /** The state log walked with the gaps: each gap closes the outage under way, which resumes after it. */
    private static List<Outage> outages(String monitor, List<Check> checks, List<Span> gaps, Duration mergeGap) {
        List<Outage> outages = new ArrayList<>();
        String run = null; // the status of the outage under way: down or maintenance
        LocalDateTime runStart = null;
        int mergeableFrom = 0; // outages before this index lie before a gap: nothing merges into them
        int g = 0;
        for (int i = 0; i <= checks.size(); i++) {
            Check c = i < checks.size() ? checks.get(i) : null;
            while (g < gaps.size() && (c == null || gaps.get(g).from().isBefore(c.ts()))) {
                Span gap = gaps.get(g++);
                if (run != null) {
                    close(outages, mergeableFrom, monitor, run, runStart, gap.from(), mergeGap);
                    runStart = gap.to();
                }
                mergeableFrom = outages.size();
            }
            if (c == null || c.status().equals("pending")) {
                continue;
            }
            if (run != null && !c.status().equals(run)) {
                close(outages, mergeableFrom, monitor, run, runStart, c.ts(), mergeGap);
                run = null;
            }
            if (run == null && !c.status().equals("up")) {
                run = c.status();
                runStart = c.ts();
            }
        }
        if (run != null) {
            close(outages, mergeableFrom, monitor, run, runStart, null, mergeGap);
        }
        return outages;
    }

    /**
     * Adds an outage, or extends the last one when it is of the same kind and ended less than
     * {@code mergeGap} before. One of no length (a status that resumed after a gap only to change
     * at its end) is none.
     */
    private static void close(List<Outage> outages, int mergeableFrom, String monitor, String status, LocalDateTime start,
                              LocalDateTime end, Duration mergeGap) {
        if (end != null && !end.isAfter(start)) {
            return;
        }
        boolean planned = status.equals("maintenance");
        if (outages.size() > mergeableFrom) {
            Outage last = outages.get(outages.size() - 1);
            if (last.planned() == planned && Duration.between(last.end(), start).compareTo(mergeGap) < 0) {
                outages.set(outages.size() - 1, new Outage(last.origin(), last.assets(), last.causes(), planned, last.start(), end));
                return;
            }
        }
        outages.add(new Outage("monitor", new TreeSet<>(List.of(monitor)), new TreeSet<>(), planned, start, end));
    }

    /**
     * The buckets, the first cut to start at the first check and the last to end at the last check
     * when those lie inside them: a day with beats says nothing about the hours before Kuma's first
     * check of it, nor after its last (the day still running when the database was read).
     */
    private static List<Span> clipped(List<Span> buckets, LocalDateTime firstCheck, LocalDateTime lastCheck) {
        List<Span> out = new ArrayList<>(buckets);
        out.sort(Comparator.comparing(Span::from));
        if (!out.isEmpty()) {
            Span first = out.get(0);
            if (first.from().isBefore(firstCheck) && first.to().isAfter(firstCheck)) {
                out.set(0, new Span(firstCheck, first.to()));
            }
            Span last = out.get(out.size() - 1);
            if (last.from().isBefore(lastCheck) && last.to().isAfter(lastCheck)) {
                out.set(out.size() - 1, new Span(last.from(), lastCheck));
            }
        }
        return out;
    }

    /** Overlapping or touching stretches joined; ones of no length dropped unless alone. */
    static List<Span> union(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(Span::from));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && !s.from().isAfter(last.to())) {
                if (s.to().isAfter(last.to())) {
                    out.set(out.size() - 1, new Span(last.from(), s.to()));
                }
            } else {
                out.add(s);
            }
        }
        if (out.size() > 1) {
            out.removeIf(s -> !s.to().isAfter(s.from()));
        }
        return out;
    }

    private static Duration millis(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
