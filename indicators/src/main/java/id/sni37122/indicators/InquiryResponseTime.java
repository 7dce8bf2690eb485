package id.sni37122.indicators;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.SqlResource;
import id.sni37122.indicators.RuleSpec.Shape;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

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

    /** One counted record: where it came from and how long the answer took (null: unanswered). */
    private record Answer(String channel, String category, String agency, int month, Double hours, boolean byClosure,
                          double openHours) {
    }

    /** GeoReport v2's statuses and those real Open311 servers add: what each says about a request's last update. */
    static final Map<String, String> STATUSES = Map.of(
            "open", "open", "acknowledged", "open", "in_progress", "open",
            "closed", "closed", "fixed", "closed", "archived", "closed");

    /** The moment a record was answered, and whether that moment is its closure. */
    private record Response(LocalDateTime at, boolean byClosure) {
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
        LocalDateTime cutoff;
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(InquiryResponseTime.class, "inquiry_cutoff.sql"))) {
            p.setString(1, city.code());
            p.setString(2, city.zone().getId());
            p.setInt(3, year);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                cutoff = r.getObject(1, LocalDateTime.class);
            }
        }
        List<Answer> answers = new ArrayList<>();
        Map<String, Long> byKind = new TreeMap<>();
        Set<String> noResponseFiles = new TreeSet<>();
        Set<String> followedUpFiles = new TreeSet<>();
        Set<String> unknownStatuses = new TreeSet<>();
        long followupsBefore = 0;
        long byFollowup = 0;
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(InquiryResponseTime.class, "inquiry_response_time.sql"))) {
            p.setString(1, city.zone().getId());
            p.setString(2, city.code());
            p.setInt(3, year);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String kind = kindOf(kindRules, r.getString("kind"), r.getString("category"), r.getString("channel"),
                            r.getString("format"));
                    byKind.merge(kind, 1L, Long::sum);
                    if (!countKinds.contains(kind)) {
                        continue;
                    }
                    LocalDateTime submitted = r.getObject("submitted_at", LocalDateTime.class);
                    LocalDateTime own = r.getObject("first_response_at", LocalDateTime.class);
                    LocalDateTime followup = r.getObject("first_followup", LocalDateTime.class);
                    LocalDateTime updated = r.getObject("updated_at", LocalDateTime.class);
                    String meaning = null;
                    if (updated != null) {
                        String status = r.getString("status") == null ? "" : r.getString("status").strip().toLowerCase(Locale.ROOT);
                        meaning = statuses.get(status);
                        if (meaning == null) {
                            unknownStatuses.add(status);
                        }
                    }
                    Response response = response(own, followup, r.getObject("closed_at", LocalDateTime.class), updated, meaning);
                    followupsBefore += r.getLong("followups_before");
                    if (response != null && !response.byClosure() && response.at().equals(followup)) {
                        byFollowup++;
                    }
                    if (r.getBoolean("no_response_columns")) {
                        // Such a file is answered only through follow-ups; with none for any of its records it says nothing.
                        String file = Path.of(r.getString("path")).getFileName().toString();
                        (response == null ? noResponseFiles : followedUpFiles).add(file);
                    }
                    answers.add(new Answer(r.getString("channel"), r.getString("category"), r.getString("agency"), r.getInt("month"),
                            response == null ? null : hours(submitted, response.at()), response != null && response.byClosure(),
                            response == null ? hours(submitted, cutoff) : 0));
                }
            }
        }
        if (byKind.isEmpty()) {
            return Optional.empty();
        }
        List<Answer> answered = answers.stream().filter(a -> a.hours() != null).toList();
        long unanswered = answers.size() - answered.size();
        double totalHours = answered.stream().mapToDouble(Answer::hours).sum();
        double openHours = answers.stream().filter(a -> a.hours() == null).mapToDouble(Answer::openHours).sum();
        long byClosure = answered.stream().filter(Answer::byClosure).count();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("records", answers.size());
        details.put("unanswered", unanswered);
        details.put("unanswered_share", answers.isEmpty() ? 0.0 : (double) unanswered / answers.size());
        details.put("by_closure", byClosure);
        details.put("by_followup", byFollowup);
        details.put("excluded_emergency", byKind.getOrDefault("emergency", 0L));
        byKind.forEach((kind, n) -> details.put("kind_" + kind, n));
        double[] sorted = answered.stream().mapToDouble(Answer::hours).sorted().toArray();
        if (sorted.length > 0) {
            details.put("median_days", percentile(sorted, 0.5) / 24);
            details.put("p90_days", percentile(sorted, 0.9) / 24);
        }
        if (!answers.isEmpty()) {
            details.put("lower_bound_days", (totalHours + openHours) / answers.size() / 24);
        }
        if (cutoff != null) {
            // Local wall-clock time: the report labels its zone (WIB, WITA, WIT).
            details.put("cutoff", cutoff.atZone(ZoneOffset.UTC).withZoneSameInstant(city.zone()).toLocalDateTime());
        }
        List<String> warnings = new ArrayList<>();
        noResponseFiles.removeAll(followedUpFiles);
        if (!noResponseFiles.isEmpty()) {
            details.put("no_response_files", String.join(", ", noResponseFiles));
            warnings.add("warning.no_response_time");
        }
        if (unanswered > 0) {
            warnings.add("warning.unanswered");
        }
        if (byClosure > 0) {
            warnings.add(byClosure == answered.size() ? "warning.all_by_closure" : "warning.by_closure");
        }
        if (followupsBefore > 0) {
            details.put("followups_before_submission", followupsBefore);
            warnings.add("warning.followups_before_submission");
        }
        String unknownTickets = unknownTicketFollowups(warehouse, city);
        if (unknownTickets != null) {
            details.put("followups_unknown_ticket", unknownTickets);
            warnings.add("warning.followups_unknown_ticket");
        }
        if (!unknownStatuses.isEmpty()) {
            details.put("statuses_unknown", String.join(", ", unknownStatuses));
            warnings.add("warning.statuses_unknown");
        }
        List<Breakdown> breakdowns = List.of(
                monthly(answered),
                group("by_channel", "channel", answered, Answer::channel),
                group("by_category", "category", answered, Answer::category),
                group("by_agency", "agency", answered, Answer::agency),
                distribution(sorted));
        Double value = value(totalHours, answered.size());
        return Optional.of(new IndicatorResult(code(), city.code(), year, value, totalHours, answered.size(), "days",
                rules.used(), breakdowns, details, warnings));
    }

    /**
     * The first response: the record's own or its earliest follow-up, whichever is first; else its
     * closure; else, for a source that keeps only a last update (Open311), that update when the status
     * table says the status is a response or a closure.
     */
    private static Response response(LocalDateTime own, LocalDateTime followup, LocalDateTime closed, LocalDateTime updated,
                                     String statusMeaning) {
        LocalDateTime first = own == null ? followup : followup == null || own.isBefore(followup) ? own : followup;
        if (first == null && "response".equals(statusMeaning)) {
            first = updated;
        }
        if (first != null) {
            return new Response(first, false);
        }
        if (closed == null && "closed".equals(statusMeaning)) {
            closed = updated;
        }
        return closed == null ? null : new Response(closed, true);
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

    private static double hours(LocalDateTime from, LocalDateTime to) {
        return Duration.between(from, to).toSeconds() / 3600.0;
    }

    /** Linear interpolation between closest ranks, as spreadsheets compute PERCENTILE. */
    static double percentile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    private static Breakdown monthly(List<Answer> answered) {
        List<List<Object>> rows = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            int month = m;
            double[] h = answered.stream().filter(a -> a.month() == month).mapToDouble(Answer::hours).sorted().toArray();
            rows.add(h.length == 0 ? Arrays.asList(m, 0L, null, null, null)
                    : Arrays.asList(m, (long) h.length, Arrays.stream(h).sum() / h.length / 24, percentile(h, 0.5) / 24, percentile(h, 0.9) / 24));
        }
        return new Breakdown("monthly", List.of("month", "answered", "mean_days", "median_days", "p90_days"), rows,
                new Breakdown.Chart(Breakdown.Chart.Type.LINE, "mean_days"));
    }

    private static Breakdown group(String key, String category, List<Answer> answered, Function<Answer, String> by) {
        Map<String, List<Double>> groups = new TreeMap<>();
        answered.forEach(a -> groups.computeIfAbsent(by.apply(a) == null ? "-" : by.apply(a), g -> new ArrayList<>()).add(a.hours()));
        List<List<Object>> rows = new ArrayList<>();
        groups.forEach((g, h) -> {
            double[] s = h.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            rows.add(List.of(g, (long) s.length, Arrays.stream(s).sum() / s.length / 24, percentile(s, 0.5) / 24, percentile(s, 0.9) / 24));
        });
        return new Breakdown(key, List.of(category, "answered", "mean_days", "median_days", "p90_days"), rows, null);
    }

    /** How many answers took under 1 day, 1-3, 3-7, 7-14 and 14 days or more. */
    private static Breakdown distribution(double[] sortedHours) {
        double[] edges = {0, 1, 3, 7, 14};
        String[] labels = {"< 1", "1-3", "3-7", "7-14", ">= 14"};
        long[] counts = new long[labels.length];
        for (double h : sortedHours) {
            int i = edges.length - 1;
            while (h / 24 < edges[i]) {
                i--;
            }
            counts[i]++;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            rows.add(List.of(labels[i], counts[i]));
        }
        return new Breakdown("distribution", List.of("days", "answered"), rows, new Breakdown.Chart(Breakdown.Chart.Type.BAR, "answered"));
    }
}
