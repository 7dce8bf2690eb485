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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * 10.2: the percentage of city services that can be requested online. A service counts for a
 * year when it was offered at any time in that year; without an explicit flag, SPBE level
 * Transaksi or higher is online (INDICATORS.md).
 */
public final class OnlineServiceShare implements Indicator {

    /**
     * The city-service areas INDICATORS.md lists for 10.2, each with the words that place a service
     * in it (matched in the catalogue's area, then in the service name); the first area that
     * matches wins, and a service that matches none is "lainnya". Config: rule {@code area_keywords}.
     */
    static final Map<String, List<String>> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("sampah dan daur ulang", List.of("sampah", "daur ulang", "kebersihan", "persampahan", "limbah"));
        AREAS.put("pemadam kebakaran", List.of("kebakaran", "damkar", "pemadam"));
        AREAS.put("keselamatan publik", List.of("keselamatan", "keamanan", "ketertiban", "satpol", "bencana", "bpbd", "linmas"));
        AREAS.put("jalan dan lalu lintas", List.of("jalan", "lalu lintas", "parkir", "perhubungan", "kir", "angkutan", "trayek"));
        AREAS.put("peraturan, pelanggaran dan penegakan", List.of("peraturan", "hukum", "jdih", "perda", "pelanggaran", "penegakan"));
        AREAS.put("izin dan lisensi", List.of("izin", "perizinan", "lisensi", "oss", "simyandu", "rekomendasi"));
        AREAS.put("perencanaan", List.of("perencanaan", "tata ruang", "rtrw", "sim-taru", "simtaru"));
        AREAS.put("bangunan", List.of("bangunan", "pbg", "imb", "slf"));
        AREAS.put("kebijakan, proyek dan inisiatif", List.of("kebijakan", "proyek", "inisiatif", "informasi publik", "ppid", "pengaduan",
                "lapor", "satu data", "pengadaan", "lpse", "aspirasi"));
        AREAS.put("sewa dan katering gedung kota", List.of("sewa", "katering", "gedung pertemuan", "aula"));
        AREAS.put("air dan saluran pembuangan", List.of("air", "pdam", "drainase", "saluran", "sanitasi", "ipal"));
        AREAS.put("pajak properti dan utilitas", List.of("pajak", "pbb", "retribusi", "bphtb", "tagihan", "utilitas"));
    }

    static final String OTHER = "lainnya";

    @Override
    public String code() {
        return "10.2";
    }

    @Override
    public List<String> sourceKinds() {
        return List.of("catalog");
    }

    @Override
    public String numeratorUnit() {
        return "services";
    }

    @Override
    public String denominatorUnit() {
        return "services";
    }

    @Override
    public Double value(double numerator, double denominator) {
        return denominator == 0 ? null : 100.0 * numerator / denominator;
    }

    @Override
    public String rulesKey() {
        return "catalog";
    }

    @Override
    public List<RuleSpec> rules() {
        return List.of(
                RuleSpec.of("area_keywords", Shape.WORD_LISTS));
    }

    @Override
    public Direction direction() {
        return Direction.HIGHER_IS_BETTER; // more services requestable online
    }

    /**
     * A catalogue has no year of its own (it lists services with the dates they were offered), so
     * it names no years: 10.2 is computed for the years the other data covers, or the year asked for.
     */
    @Override
    public List<Integer> years(Connection warehouse, CityContext city) {
        return List.of();
    }

    @Override
    public Optional<IndicatorResult> compute(Connection warehouse, CityContext city, int year, Map<String, Object> settings)
            throws SQLException {
        Rules rules = new Rules(settings, rules());
        Map<String, List<String>> areas = areas(rules.raw("area_keywords"));
        rules.note("area_keywords", areas);
        rules.note("offered_in_year", "valid_from <= 31 Dec and (valid_to empty or >= 1 Jan)");
        rules.note("online_level_fallback", "Transaksi");
        rules.note("duplicate_codes", "error; the latest file wins across files");
        List<Object[]> services = new ArrayList<>();
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(OnlineServiceShare.class, "online_service_share.sql"))) {
            p.setString(1, city.code());
            p.setObject(2, LocalDate.of(year, 12, 31));
            p.setObject(3, LocalDate.of(year, 1, 1));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    services.add(new Object[] {r.getString("code"), r.getString("name"), r.getString("agency"),
                            area(areas, r.getString("area"), r.getString("name")), r.getBoolean("online"), r.getString("online_source")});
                }
            }
        }
        if (services.isEmpty()) {
            return Optional.empty();
        }
        long online = services.stream().filter(s -> (Boolean) s[4]).count();
        long byLevel = services.stream().filter(s -> "level".equals(s[5])).count();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("services", services.size());
        details.put("online_by_level", byLevel);
        List<Breakdown> breakdowns = List.of(
                share("by_area", "area", services, 3),
                share("by_agency", "agency", services, 2),
                notOnline(services));
        return Optional.of(new IndicatorResult(code(), city.code(), year, value(online, services.size()), online,
                services.size(), "%", rules.used(), breakdowns, details, List.of()));
    }

    /** The defaults, with the config's {@code area_keywords} (area: [words]) replacing or adding areas. */
    static Map<String, List<String>> areas(Object configured) {
        Map<String, List<String>> out = new LinkedHashMap<>(AREAS);
        if (configured instanceof Map<?, ?> map) {
            map.forEach((area, words) -> out.put(area.toString().toLowerCase(java.util.Locale.ROOT),
                    (words instanceof List<?> list ? list : List.of(words)).stream()
                            .map(w -> w.toString().toLowerCase(java.util.Locale.ROOT)).toList()));
        }
        return out;
    }

    /** The ISO service area of a service: its area column when that already names one, else by keywords. */
    static String area(Map<String, List<String>> areas, String areaColumn, String name) {
        String column = areaColumn == null ? "" : areaColumn.strip().toLowerCase(java.util.Locale.ROOT);
        if (areas.containsKey(column) || column.equals(OTHER)) {
            return column;
        }
        for (String text : new String[] {column, name == null ? "" : name.toLowerCase(java.util.Locale.ROOT)}) {
            for (Map.Entry<String, List<String>> a : areas.entrySet()) {
                for (String word : a.getValue()) {
                    if (java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(word) + "\\b").matcher(text).find()) {
                        return a.getKey();
                    }
                }
            }
        }
        return OTHER;
    }

    private static Breakdown share(String key, String category, List<Object[]> services, int column) {
        Map<String, long[]> groups = new TreeMap<>();
        for (Object[] s : services) {
            String group = s[column] == null ? "-" : (String) s[column];
            long[] n = groups.computeIfAbsent(group, g -> new long[2]);
            n[0]++;
            if ((Boolean) s[4]) {
                n[1]++;
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        groups.forEach((g, n) -> rows.add(List.of(g, n[0], n[1], 100.0 * n[1] / n[0])));
        return new Breakdown(key, List.of(category, "services", "online", "percent"), rows,
                new Breakdown.Chart(Breakdown.Chart.Type.BAR, "percent"));
    }

    /** What the city plans from: the services not yet online, by agency. */
    private static Breakdown notOnline(List<Object[]> services) {
        List<List<Object>> rows = new ArrayList<>();
        services.stream().filter(s -> !(Boolean) s[4])
                .sorted(java.util.Comparator.comparing((Object[] s) -> s[2] == null ? "" : (String) s[2]).thenComparing(s -> (String) s[0]))
                .forEach(s -> rows.add(java.util.Arrays.asList(s[2] == null ? "-" : s[2], s[0], s[1], s[3])));
        return new Breakdown("not_online", List.of("agency", "code", "name", "area"), rows, null);
    }
}
