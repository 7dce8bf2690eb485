package id.sni37122.indicators;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.SqlResource;
import id.sni37122.indicators.RuleSpec.Shape;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * 10.1: open-data-portal visits per 100 000 population. Counted hit, static list, robots,
 * visitor key and the 30-minute visit follow INDICATORS.md, each a rule; the population is the
 * city's figure for the year (BPS), never guessed. Coverage (days with log lines) is reported,
 * never extrapolated.
 */
public final class PortalVisitsPer100k implements Indicator {

    static final List<String> METHODS = List.of("GET", "POST");
    static final List<String> STATIC = List.of("css", "js", "mjs", "map", "png", "jpg", "jpeg", "gif", "svg", "webp", "avif",
            "ico", "bmp", "tif", "tiff", "woff", "woff2", "ttf", "otf", "eot", "robots.txt");
    /** Shown in the report: the classifier that filled user_agent (see the portal connector). */
    static final String CLASSIFIER = "Yauaa (nl.basjes.parse.useragent)";

    @Override
    public String code() {
        return "10.1";
    }

    @Override
    public List<String> sourceKinds() {
        return List.of("portal", "population");
    }

    @Override
    public String numeratorUnit() {
        return "visits";
    }

    @Override
    public String denominatorUnit() {
        return "100 000 population";
    }

    @Override
    public Double value(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }

    @Override
    public String rulesKey() {
        return "portal";
    }

    @Override
    public List<RuleSpec> rules() {
        return List.of(
                RuleSpec.of("visit_window_minutes", Shape.WHOLE_NUMBER),
                RuleSpec.of("methods", Shape.WORDS),
                RuleSpec.of("static_extensions", Shape.WORDS),
                RuleSpec.of("robot_patterns", Shape.WORDS),
                RuleSpec.of("human_patterns", Shape.WORDS),
                RuleSpec.of("population_fallback", Shape.FLAG));
    }

    @Override
    public Direction direction() {
        return Direction.HIGHER_IS_BETTER; // more use of open data
    }

    @Override
    public List<Integer> years(Connection warehouse, CityContext city) throws SQLException {
        return Indicators.years(warehouse, SqlResource.load(PortalVisitsPer100k.class, "portal_years.sql"),
                city.zone().getId(), city.code(), city.code());
    }

    @Override
    public Optional<IndicatorResult> compute(Connection warehouse, CityContext city, int year, Map<String, Object> settings)
            throws SQLException {
        Rules rules = new Rules(settings, rules());
        int window = rules.integer("visit_window_minutes", 30);
        List<String> methods = rules.words("methods", METHODS.stream().map(m -> m.toLowerCase(java.util.Locale.ROOT)).toList())
                .stream().map(m -> m.toUpperCase(java.util.Locale.ROOT)).toList();
        List<String> statics = rules.words("static_extensions", STATIC);
        List<String> robotPatterns = rules.words("robot_patterns", List.of());
        List<String> humanPatterns = rules.words("human_patterns", List.of());
        boolean fallback = rules.flag("population_fallback", false);
        rules.note("counted_status", "2xx, 304");
        rules.note("visitor_key", "address + user agent (first public X-Forwarded-For address), keyed hash");
        rules.note("robot_classifier", robotClassifier(warehouse));
        rules.note("time_zone", city.zone().getId());

        long startOfYear = LocalDate.of(year, 1, 1).atStartOfDay(city.zone()).toEpochSecond();
        long endOfYear = LocalDate.of(year + 1, 1, 1).atStartOfDay(city.zone()).toEpochSecond();
        long[] months = new long[13];
        Map<String, Long> outcomes = new TreeMap<>();
        long noAgent = 0;
        TreeSet<LocalDate> days = new TreeSet<>();
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(PortalVisitsPer100k.class, "portal_visits.sql"))) {
            String human = String.join("|", humanPatterns);
            String robot = String.join("|", robotPatterns);
            p.setString(1, String.join(",", methods));
            p.setString(2, String.join(",", statics));
            p.setString(3, human);
            p.setString(4, human);
            p.setString(5, robot);
            p.setString(6, robot);
            p.setString(7, city.code());
            p.setLong(8, endOfYear);
            p.setLong(9, startOfYear - window * 60L);
            p.setLong(10, window * 60L);
            p.setLong(11, startOfYear);
            p.setLong(12, startOfYear);
            p.setString(13, city.zone().getId());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    switch (r.getString(1)) {
                        case "visits" -> months[Integer.parseInt(r.getString(2))] = r.getLong(3);
                        case "hits" -> outcomes.put(r.getString(2), r.getLong(3));
                        case "no_agent" -> noAgent = r.getLong(3);
                        default -> days.add(LocalDate.parse(r.getString(2)));
                    }
                }
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        if (days.isEmpty()) {
            // No raw log for the year: an analytics export, if there is one, with its tool named.
            String tool = exports(warehouse, city, year, months, days);
            if (tool == null) {
                return Optional.empty();
            }
            details.put("source_tool", tool);
            warnings.add("warning.from_export");
            rules.note("visit_definition", tool);
        }
        long visits = Arrays.stream(months).sum();
        Double value = null;
        double denominator = 0;
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(PortalVisitsPer100k.class, "portal_population.sql"))) {
            p.setString(1, city.code());
            p.setInt(2, year);
            p.setString(3, city.code());
            p.setString(4, city.code());
            p.setInt(5, year);
            try (ResultSet r = p.executeQuery()) {
                if (r.next() && (r.getInt(1) == year || fallback)) {
                    denominator = r.getLong(2) / 100_000.0;
                    value = value(visits, denominator);
                    details.put("population", r.getLong(2));
                    details.put("population_year", r.getInt(1));
                    details.put("population_source", r.getString(3));
                    if (r.getInt(1) != year) {
                        warnings.add("warning.population_fallback");
                    }
                } else {
                    warnings.add("warning.population_missing");
                }
            }
        }
        // A year still running is covered up to today, or a nightly run in March would always look 75 % empty.
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        LocalDate today = LocalDate.now(city.zone());
        if (today.isBefore(lastDay)) {
            lastDay = today;
        }
        int daysInYear = (int) (lastDay.toEpochDay() - LocalDate.of(year, 1, 1).toEpochDay() + 1);
        details.put("hits", outcomes.values().stream().mapToLong(Long::longValue).sum());
        for (String outcome : List.of("counted", "method", "status", "static", "robot")) {
            details.put("hits_" + outcome, outcomes.getOrDefault(outcome, 0L));
        }
        details.put("hits_without_agent", noAgent);
        if (noAgent > 0) {
            warnings.add("warning.no_user_agent"); // robots among these hits are counted as people
        }
        int covered = days.headSet(lastDay, true).size();
        details.put("coverage_days", covered);
        details.put("coverage_share", (double) covered / daysInYear);
        details.put("coverage_until", lastDay);
        if (covered < daysInYear) {
            warnings.add("warning.coverage");
        }
        List<Breakdown> breakdowns = List.of(monthly(months), missingDays(year, lastDay, days));
        return Optional.of(new IndicatorResult(code(), city.code(), year, value, visits, denominator,
                "visits per 100 000 population", rules.used(), breakdowns, details, warnings));
    }

    /** Adds a year's exported visits to {@code months} and their days to {@code days}; returns the tool, or null. */
    private static String exports(Connection warehouse, CityContext city, int year, long[] months, TreeSet<LocalDate> days)
            throws SQLException {
        java.util.Set<String> tools = new java.util.TreeSet<>();
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(PortalVisitsPer100k.class, "portal_exports.sql"))) {
            p.setString(1, city.code());
            p.setInt(2, year);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    LocalDate start = r.getObject(1, LocalDate.class);
                    LocalDate end = r.getObject(2, LocalDate.class);
                    months[start.getMonthValue()] += r.getLong(3);
                    start.datesUntil(end.plusDays(1)).filter(d -> d.getYear() == year).forEach(days::add);
                    tools.add(r.getString(4));
                }
            }
        }
        return tools.isEmpty() ? null : String.join(", ", tools);
    }

    private static String robotClassifier(Connection warehouse) throws SQLException {
        try (PreparedStatement p = warehouse.prepareStatement(
                "SELECT string_agg(DISTINCT classifier, ', ' ORDER BY classifier) FROM user_agent WHERE agent_class <> 'Empty'");
             ResultSet r = p.executeQuery()) {
            String used = r.next() ? r.getString(1) : null;
            return used == null ? CLASSIFIER : used + " (nl.basjes.parse.useragent)";
        }
    }

    private static Breakdown monthly(long[] months) {
        List<List<Object>> rows = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            rows.add(List.of(m, months[m]));
        }
        return new Breakdown("monthly", List.of("month", "visits"), rows, new Breakdown.Chart(Breakdown.Chart.Type.BAR, "visits"));
    }

    /** Days of the year with no log line at all, as date ranges: what the assessor must know is missing. */
    private static Breakdown missingDays(int year, LocalDate end, TreeSet<LocalDate> present) {
        List<List<Object>> rows = new ArrayList<>();
        LocalDate start = null;
        LocalDate day = LocalDate.of(year, 1, 1);
        for (; !day.isAfter(end); day = day.plusDays(1)) {
            boolean missing = !present.contains(day);
            if (missing && start == null) {
                start = day;
            }
            if (!missing && start != null) {
                rows.add(List.of(start, day.minusDays(1), (long) (day.toEpochDay() - start.toEpochDay())));
                start = null;
            }
        }
        if (start != null) {
            rows.add(List.of(start, end, (long) (end.toEpochDay() - start.toEpochDay() + 1)));
        }
        return new Breakdown("missing_days", List.of("from", "to", "days"), rows, null);
    }
}
