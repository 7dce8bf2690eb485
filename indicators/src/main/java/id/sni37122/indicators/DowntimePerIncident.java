package id.sni37122.indicators;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.SqlResource;
import id.sni37122.indicators.RuleSpec.Shape;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * 10.4: the average IT-infrastructure downtime, in hours, per incident. Outages come from the
 * incident register and from monitor checks ({@link MonitorTimeline}: maintenance is planned
 * downtime, pending is neither up nor down, a monitor's silence is a data gap, not downtime);
 * a monitor's outages closer than {@code merge_gap} are joined, blips under {@code min_duration}
 * dropped, and outages that overlap in time are one incident whose duration is their union
 * ({@code group_overlapping}), so an outage in both the register and the monitor data counts once.
 * Planned maintenance counts; an incident belongs to the local year it started; one still open is
 * left out and reported (INDICATORS.md). Data gaps and each monitor's availability are reported
 * beside the figure.
 */
public final class DowntimePerIncident implements Indicator {

    @Override
    public String code() {
        return "10.4";
    }

    @Override
    public List<String> sourceKinds() {
        return List.of("incidents", "heartbeats");
    }

    @Override
    public String numeratorUnit() {
        return "hours";
    }

    @Override
    public String denominatorUnit() {
        return "incidents";
    }

    @Override
    public Double value(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }

    @Override
    public String rulesKey() {
        return "incidents";
    }

    @Override
    public List<RuleSpec> rules() {
        return List.of(
                RuleSpec.of("merge_gap", Shape.DURATION),
                RuleSpec.of("min_duration", Shape.DURATION),
                RuleSpec.of("group_overlapping", Shape.FLAG),
                RuleSpec.of("gap_intervals", Shape.WHOLE_NUMBER),
                RuleSpec.of("max_step", Shape.DURATION));
    }

    @Override
    public Direction direction() {
        return Direction.LOWER_IS_BETTER; // shorter outages
    }

    @Override
    public List<Integer> years(Connection warehouse, CityContext city) throws SQLException {
        return Indicators.years(warehouse, SqlResource.load(DowntimePerIncident.class, "downtime_years.sql"),
                city.zone().getId(), city.code(), city.code());
    }

    /** An outage or a grouped incident; end null while still open. */
    record Outage(String origin, TreeSet<String> assets, TreeSet<String> causes, boolean planned, LocalDateTime start,
                  LocalDateTime end) {
        double hours() {
            return Duration.between(start, end).toSeconds() / 3600.0;
        }
    }

    @Override
    public Optional<IndicatorResult> compute(Connection warehouse, CityContext city, int year, Map<String, Object> settings)
            throws SQLException {
        Rules rules = new Rules(settings, rules());
        Duration mergeGap = rules.duration("merge_gap", Duration.ofMinutes(5));
        Duration minDuration = rules.duration("min_duration", Duration.ZERO);
        boolean groupOverlapping = rules.flag("group_overlapping", true);
        int gapIntervals = rules.integer("gap_intervals", 3);
        rules.note("planned_maintenance", "counted; reported separately");
        rules.note("derived_outage", "first DOWN (MAINTENANCE: planned) check to the first other check after it; PENDING is neither");
        Duration maxStep = rules.duration("max_step", Duration.ofMinutes(5));
        rules.note("data_gap", "a monitor silent for more than gap_intervals x its own spacing then (the median of its five "
                + "nearest intervals between checks), outside the days or hours its source's aggregates say it watched, "
                + "is a data gap, not downtime; never today's configured interval");
        rules.note("state_log", "a status holds until the monitor's next check (Uptime Kuma 2.x keeps only status changes)");
        rules.note("coverage", "watched hours of the monitors seen in the year / (those monitors x the year's hours up to now); "
                + "never extrapolated");
        rules.note("availability", "per monitor: (watched hours - down hours) / watched hours; down includes maintenance");

        List<Outage> outages = register(warehouse, city);
        List<MonitorTimeline> monitors = monitors(warehouse, city, mergeGap, gapIntervals);
        for (MonitorTimeline m : monitors) {
            m.outages().stream().filter(o -> counts(o, minDuration)).forEach(outages::add);
        }
        List<Outage> open = outages.stream().filter(o -> o.end() == null).toList();
        List<Outage> closed = outages.stream().filter(o -> o.end() != null).toList();
        List<Outage> incidents = groupOverlapping ? union(closed) : closed;
        List<Outage> inYear = incidents.stream().filter(o -> localYear(o.start(), city) == year).toList();
        long openInYear = open.stream().filter(o -> localYear(o.start(), city) == year).count();
        if (inYear.isEmpty() && openInYear == 0) {
            return Optional.empty();
        }
        List<List<Object>> gapRows = new ArrayList<>();
        double gapHours = 0;
        for (MonitorTimeline m : monitors) {
            for (MonitorTimeline.Span g : m.gaps()) {
                if (localYear(g.from(), city) == year) {
                    gapRows.add(List.of(m.monitor(), localTime(g.from(), city), localTime(g.to(), city), g.hours()));
                    gapHours += g.hours();
                }
            }
        }
        double hours = inYear.stream().mapToDouble(Outage::hours).sum();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("incidents", inYear.size());
        details.put("planned_incidents", inYear.stream().filter(Outage::planned).count());
        details.put("planned_hours", inYear.stream().filter(Outage::planned).mapToDouble(Outage::hours).sum());
        details.put("unplanned_incidents", inYear.stream().filter(o -> !o.planned()).count());
        details.put("unplanned_hours", inYear.stream().filter(o -> !o.planned()).mapToDouble(Outage::hours).sum());
        details.put("open_incidents", openInYear);
        details.put("from_register", inYear.stream().filter(o -> o.origin().contains("register")).count());
        details.put("from_monitors", inYear.stream().filter(o -> o.origin().contains("monitor")).count());
        details.put("data_gaps", gapRows.size());
        details.put("data_gap_hours", gapHours);
        List<String> warnings = new ArrayList<>();
        coverage(monitors, city, year, maxStep, details, warnings);
        retention(warehouse, city, year, details, warnings);
        if (openInYear > 0) {
            warnings.add("warning.open_incidents");
        }
        if (!gapRows.isEmpty()) {
            warnings.add("warning.data_gaps");
        }
        List<Breakdown> breakdowns = List.of(
                monthly(inYear, city),
                group("by_cause", "cause", inYear, o -> o.causes().isEmpty() ? "-" : String.join(", ", o.causes())),
                group("by_asset", "asset", inYear, o -> String.join(", ", o.assets())),
                group("by_planned", "planned", inYear, o -> o.planned() ? "planned" : "unplanned"),
                list(inYear, city),
                availability(monitors, minDuration, city, year),
                new Breakdown("data_gaps", List.of("monitor", "from", "to", "hours"), gapRows, null));
        Double value = value(hours, inYear.size());
        return Optional.of(new IndicatorResult(code(), city.code(), year, value, hours, inYear.size(), "hours per incident",
                rules.used(), breakdowns, details, warnings));
    }

    /**
     * The share of the year's monitor-hours (up to now) that had monitor data, over the monitors seen in
     * the year, and the coarsest spacing between a monitor's checks: a Prometheus range query over a
     * year cannot be finer than about 48 minutes, and outages shorter than its step are not seen.
     */
    private static void coverage(List<MonitorTimeline> monitors, CityContext city, int year, Duration maxStep,
                                 Map<String, Object> details, List<String> warnings) {
        LocalDateTime from = utc(LocalDate.of(year, 1, 1).atStartOfDay(), city);
        LocalDateTime to = utc(LocalDate.of(year + 1, 1, 1).atStartOfDay(), city);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        if (now.isBefore(to)) {
            to = now;
        }
        double possible = new MonitorTimeline.Span(from, to).hours();
        int seen = 0;
        double watched = 0;
        MonitorTimeline coarsest = null;
        for (MonitorTimeline m : monitors) {
            LocalDateTime a = from;
            LocalDateTime b = to;
            double h = m.watched().stream().mapToDouble(w -> w.hoursWithin(a, b)).sum();
            if (h > 0) {
                seen++;
                watched += h;
                if (m.spacing() != null && (coarsest == null || m.spacing() > coarsest.spacing())) {
                    coarsest = m;
                }
            }
        }
        if (seen == 0 || possible <= 0) {
            return;
        }
        double share = watched / (seen * possible);
        details.put("coverage_monitors", seen);
        details.put("coverage_watched_hours", watched);
        details.put("coverage_share", share);
        details.put("coverage_until", local(to, city).toLocalDate().minusDays(to.equals(now) ? 0 : 1));
        if (share < 1 - 1e-9) {
            warnings.add("warning.coverage");
        }
        if (coarsest != null) {
            details.put("step_minutes", coarsest.spacing() / 60);
            details.put("step_monitor", coarsest.monitor());
            if (coarsest.spacing() > maxStep.toSeconds()) {
                warnings.add("warning.coarse_step");
            }
        }
    }

    /**
     * How far back the monitor sources keep data (Uptime Kuma's keepDataPeriodDays): what was older at
     * their first read was gone before sni37122 saw it.
     */
    private static void retention(Connection warehouse, CityContext city, int year, Map<String, Object> details, List<String> warnings)
            throws SQLException {
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(DowntimePerIncident.class, "downtime_sources.sql"))) {
            p.setString(1, city.code());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    if (!r.getString("system").startsWith("uptime-kuma") || r.getObject("keep_days") == null) {
                        continue;
                    }
                    int keep = r.getInt("keep_days");
                    details.put("kuma_keep_days", keep);
                    if (r.getObject("raw_hours") != null) {
                        details.put("kuma_raw_hours", r.getInt("raw_hours"));
                    }
                    if (keep >= 1) {
                        LocalDateTime since = local(r.getObject("first_read", LocalDateTime.class).minusDays(keep), city);
                        details.put("kuma_kept_since", since.truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' '));
                        if (since.isAfter(LocalDate.of(year, 1, 1).atStartOfDay())) {
                            warnings.add("warning.kuma_retention");
                        }
                    }
                }
            }
        }
    }

    /** Whether a monitor outage counts: blips shorter than {@code min_duration} do not; an open one always does. */
    private static boolean counts(Outage o, Duration minDuration) {
        return o.end() == null || Duration.between(o.start(), o.end()).compareTo(minDuration) >= 0;
    }

    private static List<Outage> register(Connection warehouse, CityContext city) throws SQLException {
        List<Outage> register = new ArrayList<>();
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(DowntimePerIncident.class, "downtime_register.sql"))) {
            p.setString(1, city.code());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String cause = r.getString("cause");
                    register.add(new Outage("register", new TreeSet<>(List.of(r.getString("asset"))),
                            cause == null ? new TreeSet<>() : new TreeSet<>(List.of(cause)), r.getBoolean("planned"),
                            r.getObject("started_at", LocalDateTime.class), r.getObject("ended_at", LocalDateTime.class)));
                }
            }
        }
        return register;
    }

    /** Each monitor's checks that matter, read in time order, with its watched buckets: its outages, data gaps and watched time. */
    private static List<MonitorTimeline> monitors(Connection warehouse, CityContext city, Duration mergeGap, int gapIntervals)
            throws SQLException {
        Map<String, List<MonitorTimeline.Span>> buckets = new HashMap<>();
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(DowntimePerIncident.class, "downtime_buckets.sql"))) {
            p.setString(1, city.code());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    buckets.computeIfAbsent(r.getString("monitor_key"), k -> new ArrayList<>()).add(new MonitorTimeline.Span(
                            r.getObject("starts_at", LocalDateTime.class), r.getObject("ends_at", LocalDateTime.class)));
                }
            }
        }
        List<MonitorTimeline> monitors = new ArrayList<>();
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(DowntimePerIncident.class, "downtime_checks.sql"))) {
            p.setString(1, city.code());
            p.setInt(2, gapIntervals);
            try (ResultSet r = p.executeQuery()) {
                String key = null;
                String name = null;
                Double spacing = null;
                List<MonitorTimeline.Check> checks = new ArrayList<>();
                while (r.next()) {
                    if (!r.getString("monitor_key").equals(key)) {
                        if (key != null) {
                            monitors.add(MonitorTimeline.of(key, name, spacing, checks, buckets.getOrDefault(key, List.of()), mergeGap));
                        }
                        key = r.getString("monitor_key");
                        name = r.getString("monitor");
                        spacing = (Double) r.getObject("typical_spacing");
                        checks = new ArrayList<>();
                    }
                    checks.add(new MonitorTimeline.Check(r.getObject("ts", LocalDateTime.class), r.getString("status"),
                            r.getBoolean("after_gap"), (Double) r.getObject("silence"), (Double) r.getObject("spacing")));
                }
                if (key != null) {
                    monitors.add(MonitorTimeline.of(key, name, spacing, checks, buckets.getOrDefault(key, List.of()), mergeGap));
                }
            }
        }
        return monitors;
    }

    /**
     * Each monitor watched in the (local) year: the hours it was watched, the hours down (its own
     * outages, maintenance included, an open one up to its last check), the planned part of those,
     * and its availability in percent.
     */
    private static Breakdown availability(List<MonitorTimeline> monitors, Duration minDuration, CityContext city, int year) {
        LocalDateTime from = utc(LocalDate.of(year, 1, 1).atStartOfDay(), city);
        LocalDateTime to = utc(LocalDate.of(year + 1, 1, 1).atStartOfDay(), city);
        List<List<Object>> rows = new ArrayList<>();
        for (MonitorTimeline m : monitors) {
            double watched = m.watched().stream().mapToDouble(s -> s.hoursWithin(from, to)).sum();
            if (watched <= 0) {
                continue;
            }
            LocalDateTime lastCheck = m.watched().get(m.watched().size() - 1).to();
            double down = 0;
            double planned = 0;
            for (Outage o : m.outages()) {
                if (counts(o, minDuration)) {
                    double h = new MonitorTimeline.Span(o.start(), o.end() == null ? lastCheck : o.end()).hoursWithin(from, to);
                    down += h;
                    planned += o.planned() ? h : 0;
                }
            }
            rows.add(List.of(m.monitor(), watched, down, planned, 100 * (watched - down) / watched));
        }
        return new Breakdown("availability", List.of("monitor", "watched_hours", "down_hours", "planned_hours", "availability_percent"),
                rows, null);
    }

    /** Overlapping outages (on any asset) become one incident spanning their union. */
    static List<Outage> union(List<Outage> outages) {
        List<Outage> sorted = new ArrayList<>(outages);
        sorted.sort(Comparator.comparing(Outage::start));
        List<Outage> out = new ArrayList<>();
        for (Outage o : sorted) {
            Outage last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && o.start().isBefore(last.end())) {
                TreeSet<String> assets = new TreeSet<>(last.assets());
                assets.addAll(o.assets());
                TreeSet<String> causes = new TreeSet<>(last.causes());
                causes.addAll(o.causes());
                String origin = last.origin().contains(o.origin()) ? last.origin() : last.origin() + "+" + o.origin();
                LocalDateTime end = o.end().isAfter(last.end()) ? o.end() : last.end();
                out.set(out.size() - 1, new Outage(origin, assets, causes, last.planned() && o.planned(), last.start(), end));
            } else {
                out.add(o);
            }
        }
        return out;
    }

    private static LocalDateTime local(LocalDateTime utc, CityContext city) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(city.zone()).toLocalDateTime();
    }

    private static LocalDateTime utc(LocalDateTime local, CityContext city) {
        return local.atZone(city.zone()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /** Local time to the second ("2023-12-27 06:50", seconds shown only when not zero): monitors stamp milliseconds. */
    /** A local wall-clock time; the report labels its zone (WIB, WITA, WIT). */
    private static LocalDateTime localTime(LocalDateTime utc, CityContext city) {
        return local(utc, city).truncatedTo(ChronoUnit.SECONDS);
    }

    private static int localYear(LocalDateTime utc, CityContext city) {
        return local(utc, city).getYear();
    }

    private static Breakdown monthly(List<Outage> incidents, CityContext city) {
        List<List<Object>> rows = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            int month = m;
            double[] h = incidents.stream().filter(o -> local(o.start(), city).getMonthValue() == month).mapToDouble(Outage::hours).toArray();
            double sum = Arrays.stream(h).sum();
            rows.add(Arrays.asList(m, (long) h.length, sum, h.length == 0 ? null : sum / h.length));
        }
        return new Breakdown("monthly", List.of("month", "incidents", "hours", "hours_per_incident"), rows,
                new Breakdown.Chart(Breakdown.Chart.Type.BAR, "hours_per_incident"));
    }

    private static Breakdown group(String key, String category, List<Outage> incidents, Function<Outage, String> by) {
        Map<String, double[]> groups = new TreeMap<>();
        for (Outage o : incidents) {
            double[] g = groups.computeIfAbsent(by.apply(o), k -> new double[2]);
            g[0]++;
            g[1] += o.hours();
        }
        List<List<Object>> rows = new ArrayList<>();
        groups.forEach((k, g) -> rows.add(List.of(k, (long) g[0], g[1], g[1] / g[0])));
        return new Breakdown(key, List.of(category, "incidents", "hours", "hours_per_incident"), rows,
                key.equals("by_cause") ? new Breakdown.Chart(Breakdown.Chart.Type.BAR, "hours") : null);
    }

    private static Breakdown list(List<Outage> incidents, CityContext city) {
        List<List<Object>> rows = new ArrayList<>();
        for (Outage o : incidents) {
            rows.add(List.of(localTime(o.start(), city), localTime(o.end(), city),
                    String.join(", ", o.assets()), o.causes().isEmpty() ? "-" : String.join(", ", o.causes()),
                    o.planned() ? "planned" : "unplanned", o.origin(), o.hours()));
        }
        return new Breakdown("incidents", List.of("start", "end", "asset", "cause", "planned", "origin", "hours"), rows, null);
    }
}
