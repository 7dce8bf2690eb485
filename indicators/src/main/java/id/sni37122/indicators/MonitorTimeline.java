package id.sni37122.indicators;

import id.sni37122.indicators.DowntimePerIncident.Outage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What one monitor's checks say (10.4): its outages, the spells it was silent, and the time it
 * was watched. A run of DOWN checks is an outage from its first check to the first UP check after
 * it; a run of MAINTENANCE checks likewise, marked planned. PENDING checks (Uptime Kuma retrying)
 * are neither: they neither start nor end a run. A silence longer than {@code gapIntervals} times
 * the monitor's interval is a data gap, not downtime: the last check before it stands for one
 * interval, the gap runs from there to the next check, and no outage runs or merges across it.
 * Outages of one kind closer than {@code mergeGap} (a short up spell) are joined.
 *
 * @param monitor  the monitor's name
 * @param interval the seconds between checks used: the configured one, else the median gap; null with one check
 * @param outages  in time order; the last may be open (end null: still down at the last check)
 * @param gaps     the data gaps, in time order
 * @param watched  the spans the monitor reported: first check to the last, less the gaps
 */
record MonitorTimeline(String monitor, Duration interval, List<Outage> outages, List<Span> gaps, List<Span> watched) {

    /** One check: UTC time and status (up, down, pending, maintenance). */
    record Check(LocalDateTime ts, String status) {
    }

    /** A stretch of UTC time. */
    record Span(LocalDateTime from, LocalDateTime to) {
        double hours() {
            return Duration.between(from, to).toSeconds() / 3600.0;
        }

        /** Hours of this span inside [from, to). */
        double hoursWithin(LocalDateTime start, LocalDateTime end) {
            LocalDateTime a = from.isAfter(start) ? from : start;
            LocalDateTime b = to.isBefore(end) ? to : end;
            return a.isBefore(b) ? Duration.between(a, b).toSeconds() / 3600.0 : 0;
        }
    }

    /**
     * @param checks          the monitor's checks in time order
     * @param configuredSecs the monitor's configured interval (Uptime Kuma), or null
     */
    static MonitorTimeline of(String monitor, List<Check> checks, Integer configuredSecs, Duration mergeGap, int gapIntervals) {
        Duration interval = configuredSecs != null ? Duration.ofSeconds(configuredSecs) : medianGap(checks);
        Duration silence = interval == null ? null : interval.multipliedBy(gapIntervals);
        List<Outage> outages = new ArrayList<>();
        List<Span> gaps = new ArrayList<>();
        List<Span> watched = new ArrayList<>();
        LocalDateTime watchedFrom = checks.get(0).ts();
        LocalDateTime previous = null;
        String run = null; // the status of the run under way: down or maintenance
        LocalDateTime runStart = null;
        int mergeableFrom = 0; // outages before this index lie before a gap: nothing merges into them
        for (Check c : checks) {
            if (previous != null && silence != null && Duration.between(previous, c.ts()).compareTo(silence) > 0) {
                LocalDateTime gapFrom = previous.plus(interval);
                if (run != null) {
                    close(outages, mergeableFrom, monitor, run, runStart, gapFrom, mergeGap);
                    run = null;
                }
                mergeableFrom = outages.size();
                gaps.add(new Span(gapFrom, c.ts()));
                watched.add(new Span(watchedFrom, gapFrom));
                watchedFrom = c.ts();
            }
            previous = c.ts();
            if (c.status().equals("pending")) {
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
        watched.add(new Span(watchedFrom, previous));
        if (run != null) {
            close(outages, mergeableFrom, monitor, run, runStart, null, mergeGap);
        }
        return new MonitorTimeline(monitor, interval, outages, gaps, watched);
    }

    /** Adds an outage, or extends the last one when it is of the same kind and ended less than {@code mergeGap} before. */
    private static void close(List<Outage> outages, int mergeableFrom, String monitor, String status, LocalDateTime start,
                              LocalDateTime end, Duration mergeGap) {
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

    /** The median time between successive checks (checks at the same instant aside), or null with fewer than two. */
    static Duration medianGap(List<Check> checks) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < checks.size(); i++) {
            long s = Duration.between(checks.get(i - 1).ts(), checks.get(i).ts()).toSeconds();
            if (s > 0) {
                gaps.add(s);
            }
        }
        if (gaps.isEmpty()) {
            return null;
        }
        gaps.sort(null);
        int n = gaps.size();
        return Duration.ofSeconds((gaps.get((n - 1) / 2) + gaps.get(n / 2)) / 2);
    }
}
