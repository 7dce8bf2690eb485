package id.sni37122.indicators;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.SqlResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * 10.4: the average IT-infrastructure downtime, in hours, per incident. Outages come from the
 * incident register and from monitor checks; a monitor's outages closer than {@code merge_gap}
 * are joined, blips under {@code min_duration} dropped, and outages that overlap in time are one
 * incident whose duration is their union ({@code group_overlapping}), so an outage in both the
 * register and the monitor data counts once. Planned maintenance counts; an incident belongs to
 * the local year it started; one still open is left out and reported (INDICATORS.md).
 */
public final class DowntimePerIncident implements Indicator {

    @Override
    public String code() {
        return "10.4";
    }

    @Override
    public String rulesKey() {
        return "incidents";
    }

    @Override
    public List<Integer> years(Connection warehouse, CityContext city) throws SQLException {
        List<Integer> years = new ArrayList<>();
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(DowntimePerIncident.class, "downtime_years.sql"))) {
            p.setString(1, city.zone().getId());
            p.setString(2, city.code());
            p.setString(3, city.code());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    years.add(r.getInt(1));
                }
            }
        }
        return years;
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
        Rules rules = new Rules(settings);
        Duration mergeGap = rules.duration("merge_gap", Duration.ofMinutes(5));
        Duration minDuration = rules.duration("min_duration", Duration.ZERO);
        boolean groupOverlapping = rules.flag("group_overlapping", true);
        rules.note("planned_maintenance", "counted; reported separately");
        rules.note("derived_outage", "first DOWN check to the first UP check after it");

        List<Outage> register = new ArrayList<>();
        Map<String, List<Outage>> byMonitor = new TreeMap<>();
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(DowntimePerIncident.class, "downtime_outages.sql"))) {
            p.setString(1, city.code());
            p.setString(2, city.code());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String cause = r.getString("cause");
                    Outage o = new Outage(r.getString("origin"), new TreeSet<>(List.of(r.getString("asset"))),
                            cause == null ? new TreeSet<>() : new TreeSet<>(List.of(cause)), r.getBoolean("planned"),
                            r.getObject("started_at", LocalDateTime.class), r.getObject("ended_at", LocalDateTime.class));
                    if (o.origin().equals("register")) {
                        register.add(o);
                    } else {
                        byMonitor.computeIfAbsent(r.getString("asset"), m -> new ArrayList<>()).add(o);
                    }
                }
            }
        }
        List<Outage> outages = new ArrayList<>(register);
        for (List<Outage> monitor : byMonitor.values()) {
            for (Outage o : mergeCloser(monitor, mergeGap)) {
                if (o.end() == null || Duration.between(o.start(), o.end()).compareTo(minDuration) >= 0) {
                    outages.add(o);
                }
            }
        }
        List<Outage> open = outages.stream().filter(o -> o.end() == null).toList();
        List<Outage> closed = outages.stream().filter(o -> o.end() != null).toList();
        List<Outage> incidents = groupOverlapping ? union(closed) : closed;
        List<Outage> inYear = incidents.stream().filter(o -> localYear(o.start(), city) == year).toList();
        long openInYear = open.stream().filter(o -> localYear(o.start(), city) == year).count();
        if (inYear.isEmpty() && openInYear == 0) {
            return Optional.empty();
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
        List<String> warnings = openInYear > 0 ? List.of("warning.open_incidents") : List.of();
        List<Breakdown> breakdowns = List.of(
                monthly(inYear, city),
                group("by_cause", "cause", inYear, o -> o.causes().isEmpty() ? "-" : String.join(", ", o.causes())),
                group("by_asset", "asset", inYear, o -> String.join(", ", o.assets())),
                group("by_planned", "planned", inYear, o -> o.planned() ? "planned" : "unplanned"),
                list(inYear, city));
        Double value = inYear.isEmpty() ? null : hours / inYear.size();
        return Optional.of(new IndicatorResult(code(), city.code(), year, value, hours, inYear.size(), "hours per incident",
                rules.used(), breakdowns, details, warnings));
    }

    /** A monitor's outages separated by an up spell shorter than the gap are one outage. */
    static List<Outage> mergeCloser(List<Outage> outages, Duration gap) {
        List<Outage> out = new ArrayList<>();
        for (Outage o : outages) {
            Outage last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.end() != null && Duration.between(last.end(), o.start()).compareTo(gap) < 0) {
                out.set(out.size() - 1, new Outage(last.origin(), last.assets(), last.causes(), last.planned(), last.start(), o.end()));
            } else {
                out.add(o);
            }
        }
        return out;
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
            rows.add(List.of(local(o.start(), city).toString().replace('T', ' '), local(o.end(), city).toString().replace('T', ' '),
                    String.join(", ", o.assets()), o.causes().isEmpty() ? "-" : String.join(", ", o.causes()),
                    o.planned() ? "planned" : "unplanned", o.origin(), o.hours()));
        }
        return new Breakdown("incidents", List.of("start", "end", "asset", "cause", "planned", "origin", "hours"), rows, null);
    }
}
