package id.sni37122.indicators;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.SqlResource;
import id.sni37122.indicators.RuleSpec.Shape;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * 10.3: the average response time, in days, to non-emergency inquiries. Response is the first
 * response, else the closure (and the report says for how many); emergencies never count;
 * unanswered records are left out and reported, with a lower-bound figure that counts them up
 * to the cut-off (INDICATORS.md).
 */
public final class InquiryResponseTime implements Indicator {

    /** Samarinda Siaga 112's emergency categories (SOURCES.md); the rest of its categories are not emergencies. */
    static final String EMERGENCY = "ambulan|kecelakaan|kebakaran|bencana|banjir|kriminal|keamanan|ketertiban|kekerasan|kdrt"
            + "|keributan|kerusuhan|tawuran|odgj|gangguan jiwa|orang hilang|terlantar|tenggelam|tersetrum|mayat|bunuh diri"
            + "|kepolisian|rescue|hewan liar|pohon tumbang|darurat";
    static final String INQUIRY = "informasi|pertanyaan|covid";
    /** Prank and ghost calls are neither inquiries nor emergencies (SOURCES.md): never counted. */
    static final String OTHER = "prank|iseng|ghost|salah sambung|panggilan kosong";

    /**
     * A config rule placing records in a kind: {@code {kind: emergency, category: "regex", channel: "regex"}};
     * every pattern given must match (case-insensitive, anywhere in the text).
     */
    record KindRule(String kind, Pattern category, Pattern channel, List<String> formats) {
        boolean matches(String recordCategory, String recordChannel, String recordFormat) {
            return (category == null || category.matcher(recordCategory == null ? "" : recordCategory).find())
                    && (channel == null || channel.matcher(recordChannel == null ? "" : recordChannel).find())
                    && (formats == null || formats.contains(recordFormat));
        }
    }

    /**
     * The config's kind_rules first, then the defaults by category; the source's own kind wins over all.
     * The emergency categories apply only to sources of {@code emergencyFormats}: SP4N-LAPOR! and 311
     * systems are non-emergency channels, so "Ketertiban Umum" there is an ordinary complaint.
     */
    static List<KindRule> kindRules(Object configured, String emergency, String inquiry, List<String> emergencyFormats) {
        List<KindRule> rules = new ArrayList<>();
        if (configured instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("kind") != null) {
                    rules.add(new KindRule(m.get("kind").toString(), pattern(m.get("category")), pattern(m.get("channel")), null));
                }
            }
        }
        rules.add(new KindRule("other", pattern(OTHER), null, null));
        rules.add(new KindRule("emergency", pattern(emergency), null, emergencyFormats));
        rules.add(new KindRule("inquiry", pattern(inquiry), null, null));
        return rules;
    }

    private static Pattern pattern(Object regex) {
        return regex == null ? null : Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static String kindOf(List<KindRule> rules, String sourceKind, String category, String channel, String format) {
        if (sourceKind != null) {
            return sourceKind;
        }
        return rules.stream().filter(r -> r.matches(category, channel, format)).map(KindRule::kind).findFirst().orElse("complaint");
    }

    @Override
    public String code() {
        return "10.3";
    }

    @Override
    public List<String> sourceKinds() {
        return List.of("inquiries");
    }

    @Override
    public String numeratorUnit() {
        return "hours";
    }

    @Override
    public String denominatorUnit() {
        return "inquiries";
    }

    @Override
    public Double value(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator / 24;
    }

    @Override
    public String rulesKey() {
        return "inquiries";
    }

    @Override
    public List<RuleSpec> rules() {
        return List.of(
                RuleSpec.of("count_kinds", Shape.WORDS),
                RuleSpec.of("emergency_categories", Shape.PATTERN),
                RuleSpec.of("inquiry_categories", Shape.PATTERN),
                RuleSpec.of("emergency_formats", Shape.WORDS),
                RuleSpec.of("kind_rules", Shape.KIND_RULES),
                RuleSpec.of("statuses", Shape.WORD_MAP));
    }

    @Override
    public Direction direction() {
        return Direction.LOWER_IS_BETTER; // a quicker answer
    }

    @Override
    public List<Integer> years(Connection warehouse, CityContext city) throws SQLException {
        return Indicators.years(warehouse, SqlResource.load(InquiryResponseTime.class, "inquiry_years.sql"),
                city.zone().getId(), city.code());
    }

    /** GeoReport v2's statuses and those real Open311 servers add: what each says about a request's last update. */
    static final Map<String, String> STATUSES = Map.of(
            "open", "open", "acknowledged", "open", "in_progress", "open",
            "closed", "closed", "fixed", "closed", "archived", "closed");

    private static final String KINDS = SqlResource.load(InquiryResponseTime.class, "inquiry_kinds.sql");
    private static final String FIGURES = SqlResource.load(InquiryResponseTime.class, "inquiry_response_time.sql");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One row of the SQL's figures: a section ("total", "month", "channel", ...) and what it holds. */
    private record Figure(String label, Long n, Double hours, Double mean, Double median, Double p90, LocalDateTime at) {
    }

    @Override
    public Optional<IndicatorResult> compute(Connection warehouse, CityContext city, int year, Map<String, Object> settings)
            throws SQLException {
        Rules rules = new Rules(settings, rules());
        List<String> countKinds = rules.words("count_kinds", List.of("inquiry", "complaint"));
        String emergency = rules.text("emergency_categories", EMERGENCY);
        String inquiry = rules.text("inquiry_categories", INQUIRY);
        List<String> emergencyFormats = rules.words("emergency_formats", List.of("csv", "xlsx"));
        Object configuredKinds = rules.raw("kind_rules");
        List<KindRule> kindRules = kindRules(configuredKinds, emergency, inquiry, emergencyFormats);
        if (configuredKinds != null) {
            rules.note("kind_rules", configuredKinds);
        }
        Map<String, String> statuses = statuses(rules.raw("statuses"));
        rules.note("statuses", statuses);
        rules.note("never_counted", "emergency; " + OTHER);
        rules.note("response", "first response (the record's own, or the earliest follow-up at or after submission); "
                + "closure when the source has no first response");
        rules.note("unanswered", "left out of numerator and denominator; reported with a lower bound up to the cut-off");
        Map<String, List<Figure>> figures = figures(warehouse, city, year, sorting(warehouse, city, kindRules), statuses, countKinds);
        if (!figures.containsKey("kind")) {
            return Optional.empty();
        }
        Figure total = figures.get("total").get(0);
        Map<String, Long> counts = new LinkedHashMap<>();
        figures.get("count").forEach(f -> counts.put(f.label(), f.n()));
        long records = counts.get("records");
        long unanswered = counts.get("unanswered");
        long answered = total.n();
        long byClosure = counts.get("by_closure");
        double totalHours = total.hours() == null ? 0 : total.hours();
        Double openHours = figures.get("open_hours").get(0).hours();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("records", (int) records);
        details.put("unanswered", unanswered);
        details.put("unanswered_share", records == 0 ? 0.0 : (double) unanswered / records);
        details.put("by_closure", byClosure);
        details.put("by_followup", counts.get("by_followup"));
        Map<String, Long> byKind = new TreeMap<>();
        figures.get("kind").forEach(f -> byKind.put(f.label(), f.n()));
        details.put("excluded_emergency", byKind.getOrDefault("emergency", 0L));
        byKind.forEach((kind, n) -> details.put("kind_" + kind, n));
        if (answered > 0) {
            details.put("median_days", total.median());
            details.put("p90_days", total.p90());
        }
        if (records > 0) {
            details.put("lower_bound_days", (totalHours + (openHours == null ? 0 : openHours)) / records / 24);
        }
        LocalDateTime cutoff = figures.get("cutoff").get(0).at();
        if (cutoff != null) {
            details.put("cutoff", cutoff); // local wall-clock time: the report labels its zone (WIB, WITA, WIT)
        }
        List<String> warnings = new ArrayList<>();
        List<Figure> noResponse = figures.getOrDefault("no_response_file", List.of());
        if (!noResponse.isEmpty()) {
            details.put("no_response_files", String.join(", ", noResponse.stream().map(Figure::label).toList()));
            warnings.add("warning.no_response_time");
        }
        if (unanswered > 0) {
            warnings.add("warning.unanswered");
        }
        if (byClosure > 0) {
            warnings.add(byClosure == answered ? "warning.all_by_closure" : "warning.by_closure");
        }
        if (counts.get("followups_before") > 0) {
            details.put("followups_before_submission", counts.get("followups_before"));
            warnings.add("warning.followups_before_submission");
        }
        String unknownTickets = unknownTicketFollowups(warehouse, city);
        if (unknownTickets != null) {
            details.put("followups_unknown_ticket", unknownTickets);
            warnings.add("warning.followups_unknown_ticket");
        }
        List<Figure> unknownStatuses = figures.getOrDefault("status_unknown", List.of());
        if (!unknownStatuses.isEmpty()) {
            details.put("statuses_unknown", String.join(", ", unknownStatuses.stream().map(Figure::label).toList()));
            warnings.add("warning.statuses_unknown");
        }
        List<Breakdown> breakdowns = List.of(
                new Breakdown("monthly", List.of("month", "answered", "mean_days", "median_days", "p90_days"),
                        figures.get("month").stream().map(f -> Arrays.<Object>asList(Integer.parseInt(f.label()), f.n(), f.mean(),
                                f.median(), f.p90())).toList(), new Breakdown.Chart(Breakdown.Chart.Type.LINE, "mean_days")),
                group("by_channel", "channel", figures.get("channel")),
                group("by_category", "category", figures.get("category")),
                group("by_agency", "agency", figures.get("agency")),
                new Breakdown("distribution", List.of("days", "answered"),
                        figures.get("distribution").stream().map(f -> List.<Object>of(f.label(), f.n())).toList(),
                        new Breakdown.Chart(Breakdown.Chart.Type.BAR, "answered")));
        return Optional.of(new IndicatorResult(code(), city.code(), year, value(totalHours, answered), totalHours, answered, "days",
                rules.used(), breakdowns, details, warnings));
    }

    /** Each category, channel and format without a kind of its own, sorted into a kind by the rules: as JSON for the SQL. */
    private static String sorting(Connection warehouse, CityContext city, List<KindRule> kindRules) throws SQLException {
        List<Map<String, String>> sorted = new ArrayList<>();
        try (PreparedStatement p = warehouse.prepareStatement(KINDS)) {
            p.setString(1, city.code());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("category", r.getString("category"));
                    row.put("channel", r.getString("channel"));
                    row.put("format", r.getString("format"));
                    row.put("counted_as", kindOf(kindRules, null, row.get("category"), row.get("channel"), row.get("format")));
                    sorted.add(row);
                }
            }
        }
        return JSON.writeValueAsString(sorted);
    }

    /** The SQL's figures by section, in its order. */
    private static Map<String, List<Figure>> figures(Connection warehouse, CityContext city, int year, String sorting,
                                                     Map<String, String> statuses, List<String> countKinds) throws SQLException {
        Map<String, List<Figure>> out = new LinkedHashMap<>();
        try (PreparedStatement p = warehouse.prepareStatement(FIGURES)) {
            p.setString(1, city.zone().getId());
            p.setString(2, city.code());
            p.setInt(3, year);
            p.setString(4, sorting);
            p.setString(5, JSON.writeValueAsString(statuses.entrySet().stream()
                    .map(e -> Map.of("status", e.getKey(), "meaning", e.getValue())).toList()));
            p.setString(6, JSON.writeValueAsString(countKinds));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getString("section"), k -> new ArrayList<>()).add(new Figure(r.getString("label"),
                            r.getObject("n") == null ? null : r.getLong("n"), (Double) r.getObject("hours"), (Double) r.getObject("mean_days"),
                            (Double) r.getObject("median_days"), (Double) r.getObject("p90_days"), r.getObject("moment", LocalDateTime.class)));
                }
            }
        }
        return out;
    }

    private static Breakdown group(String key, String category, List<Figure> groups) {
        return new Breakdown(key, List.of(category, "answered", "mean_days", "median_days", "p90_days"),
                (groups == null ? List.<Figure>of() : groups).stream()
                        .map(f -> List.<Object>of(f.label(), f.n(), f.mean(), f.median(), f.p90())).toList(), null);
    }

    /** The config's status table over the defaults: each status is open, response or closed. */
    static Map<String, String> statuses(Object configured) {
        Map<String, String> out = new TreeMap<>(STATUSES);
        if (configured instanceof Map<?, ?> m) {
            m.forEach((status, meaning) -> {
                String word = String.valueOf(meaning).strip().toLowerCase(Locale.ROOT);
                if (!List.of("open", "response", "closed").contains(word)) {
                    throw new IllegalArgumentException("rule statuses." + status + ": '" + meaning + "' must be open, response or closed");
                }
                out.put(String.valueOf(status).strip().toLowerCase(Locale.ROOT), word);
            });
        } else if (configured != null) {
            throw new IllegalArgumentException("rule statuses: write a table such as {acknowledged: response}");
        }
        return out;
    }

    /** "tindak-lanjut.csv: 2" per follow-up file holding tickets no inquiry file has, or null when none. */
    private static String unknownTicketFollowups(Connection warehouse, CityContext city) throws SQLException {
        List<String> files = new ArrayList<>();
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(InquiryResponseTime.class, "inquiry_followup_unknown.sql"))) {
            p.setString(1, city.code());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    files.add(Path.of(r.getString("path")).getFileName() + ": " + r.getLong("followups"));
                }
            }
        }
        return files.isEmpty() ? null : String.join("; ", files);
    }
}
