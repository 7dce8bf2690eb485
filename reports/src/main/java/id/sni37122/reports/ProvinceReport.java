package id.sni37122.reports;

import id.sni37122.connectors.Messages;
import id.sni37122.indicators.Indicator;
import id.sni37122.indicators.IndicatorLabels;
import id.sni37122.indicators.Indicators;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One comparison workbook over several cities of a province (or any group): per indicator, each
 * city's value with its numerator and denominator, ranked the way the indicator improves, and
 * the pooled figure of the cities that have data that year.
 * The pooled figure is the sum of numerators over the sum of denominators (for 10.1, total visits
 * over total population), never an average of the cities' values.
 */
public final class ProvinceReport {

    private final String name;
    private final String code;
    /** The header says UTC; the cell needs no ISO "T" and "Z". */
    private static final DateTimeFormatter COMPUTED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /**
     * @param code used in file names, e.g. {@code kaltim}
     * @param name shown in titles, e.g. {@code Provinsi Kalimantan Timur}; null for a group named after its cities
     */
    public ProvinceReport(String code, String name) {
        this.code = code;
        this.name = name;
    }

    /** Coverage below this share is flagged in the ranking (the cities' own default threshold). */
    public static final double DEFAULT_MIN_COVERAGE = 0.9;

    private double minCoverage = DEFAULT_MIN_COVERAGE;

    private List<String> notes = List.of();

    /** Sentences shown under the origins: which of two publications of a city was used, files passed over. */
    public ProvinceReport notes(List<String> notes) {
        this.notes = List.copyOf(notes);
        return this;
    }

    /** Flags a city whose coverage (0..1) is below {@code share}. */
    public ProvinceReport minCoverage(double share) {
        this.minCoverage = share;
        return this;
    }

    /** The pooled value: the indicator's own formula applied to the summed numerators and denominators. */
    static Double pooled(Indicator indicator, List<CityFigure> figures) {
        return indicator.value(sum(figures, CityFigure::numerator), sum(figures, CityFigure::denominator));
    }

    /**
     * A plain left-to-right sum, as anyone re-adding the published figures would do it
     * (DoubleStream.sum compensates, and so can differ from that in the last digit).
     */
    static double sum(List<CityFigure> figures, ToDoubleFunction<CityFigure> part) {
        double sum = 0;
        for (CityFigure f : figures) {
            sum += part.applyAsDouble(f);
        }
        return sum;
    }

    /** What the ranking says beside a city: its warnings (in the report's language when known) and low coverage. */
    List<String> flags(IndicatorLabels labels, CityFigure f) {
        List<String> flags = new ArrayList<>();
        f.warnings().forEach(w -> flags.add(labels.has(w.key()) ? labels.get(w.key()) : w.text()));
        if (f.coverage() != null && f.coverage() < minCoverage) {
            flags.add(Labels.text("reports.flag_coverage", percent(f.coverage()), percent(minCoverage)));
        }
        return flags;
    }

    private static String percent(double share) {
        NumberFormat percent = NumberFormat.getPercentInstance(Messages.locale());
        percent.setMaximumFractionDigits(1); // 99,2 % beside a 99,5 % threshold, not 99 % beside 100 %
        return percent.format(share);
    }

    /**
     * Writes {@code sni37122-<code>-perbandingan-<year>.xlsx} and a ranking chart per indicator:
     * cities ranked the way the indicator improves (equal values share a rank), and the pooled
     * figure of the cities with data that year, its label naming them and those without.
     *
     * @param figures every city's figures (from warehouses or publications); those of other years are left out
     */
    public List<Path> write(int year, List<CityFigure> figures, Path outputDir) throws IOException {
        String base = "sni37122-" + code + "-perbandingan-" + year;
        List<Path> written = new ArrayList<>();
        // Every city taking part (any year): one without a figure this year is named as missing.
        Map<String, String> cities = new LinkedHashMap<>();
        figures.forEach(f -> cities.putIfAbsent(f.city().code(), f.city().name()));
        String group = name != null ? name : Labels.text("reports.pooled_group", String.join(", ", cities.values()));
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            SheetWriter s = new SheetWriter(book, new Styles(book), Labels.text("reports.comparison"));
            s.title(Labels.text("reports.comparison_title", group, String.valueOf(year)));
            s.note(Labels.text("reports.pooled_note"));
            for (Indicator indicator : Indicators.all()) {
                IndicatorLabels labels = indicator.labels();
                List<CityFigure> rows = new ArrayList<>(figures.stream()
                        .filter(f -> f.indicator().equals(indicator.code()) && f.year() == year).toList());
                if (rows.isEmpty()) {
                    continue;
                }
                Set<String> seen = new HashSet<>();
                for (CityFigure f : rows) {
                    if (!seen.add(f.city().code())) {
                        throw new IllegalArgumentException(Labels.text("reports.city_twice", f.city().code()));
                    }
                }
                List<CityFigure> valued = rows.stream().filter(f -> f.value() != null).toList();
                List<String> leftOut = new ArrayList<>(cities.keySet().stream()
                        .filter(c -> rows.stream().noneMatch(f -> f.city().code().equals(c))).map(cities::get).toList());
                List<String> missing = List.copyOf(leftOut);
                rows.stream().filter(f -> f.value() == null).forEach(f -> leftOut.add(f.city().name()));
                String pooledLabel = pooledLabel(valued.stream().map(f -> f.city().name()).toList(), leftOut);
                String numeratorUnit = labels.get("numerator_unit");
                String denominatorUnit = labels.get("denominator_unit");
                s.subtitle(indicator.code() + " " + labels.name() + " (" + labels.unit() + "; "
                        + Labels.text("reports.direction." + indicator.direction()) + ")");
                List<List<Object>> table = new ArrayList<>();
                List<String> categories = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                for (Ranking.Place p : Ranking.rank(rows, indicator.direction())) {
                    CityFigure f = p.figure();
                    table.add(Arrays.asList(p.rank(), f.city().name(), f.value(), new Quantity(f.numerator(), numeratorUnit),
                            new Quantity(f.denominator(), denominatorUnit), String.join("; ", flags(labels, f))));
                    categories.add(f.city().name());
                    values.add(f.value());
                }
                Double pooled = pooled(indicator, valued);
                List<RuleDifference> differences = RuleDifference.among(rows);
                String pooledFlag = differences.isEmpty() ? "" : Labels.text("reports.rules_differ",
                        String.join(", ", differences.stream().map(RuleDifference::key).toList()));
                table.add(Arrays.asList(null, pooledLabel, pooled, new Quantity(sum(valued, CityFigure::numerator), numeratorUnit),
                        new Quantity(sum(valued, CityFigure::denominator), denominatorUnit), pooledFlag));
                categories.add(pooledLabel);
                values.add(pooled);
                s.table(List.of(Labels.text("reports.rank"), Labels.text("reports.city"), Labels.text("reports.value") + " (" + labels.unit() + ")",
                        labels.get("numerator"), labels.get("denominator"), Labels.text("reports.flags")), table);
                ChartSpec chart = new ChartSpec(false, indicator.code() + " " + labels.get("short") + " — " + group + ", " + year,
                        Labels.text("reports.city"), labels.unit(), 1, 2, true);
                s.chart(chart);
                if (!missing.isEmpty()) {
                    s.note(Labels.text("reports.missing_cities", String.valueOf(year), String.join(", ", missing)));
                }
                for (RuleDifference d : differences) {
                    s.note(Labels.text("reports.rule_difference", d.describe()));
                }
                Path png = outputDir.resolve(base + "-" + indicator.code() + ".png");
                Charts.png(chart, categories, values, false, png);
                written.add(png);
            }
            origins(s, figures.stream().filter(f -> f.year() == year).toList());
            notes.forEach(s::note);
            s.finish();
            Path xlsx = outputDir.resolve(base + ".xlsx");
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                book.write(out);
            }
            written.add(0, xlsx);
        }
        return written;
    }

    /** Names the cities pooled that year, and those left out (no data, or no value). */
    private String pooledLabel(List<String> present, List<String> leftOut) {
        String label = name != null ? name + " (" + String.join(", ", present) + ")"
                : Labels.text("reports.pooled_group", String.join(", ", present));
        return leftOut.isEmpty() ? label : label + " — " + Labels.text("reports.pooled_without", String.join(", ", leftOut));
    }

    /** Where each city's figures come from: the config (its warehouse) or the publication, when and by which version. */
    private static void origins(SheetWriter s, List<CityFigure> figures) {
        Map<List<String>, CityFigure> bySource = new LinkedHashMap<>();
        figures.forEach(f -> bySource.putIfAbsent(List.of(f.city().code(), f.source()), f));
        s.subtitle(Labels.text("reports.origins"));
        List<List<Object>> rows = new ArrayList<>();
        for (CityFigure f : bySource.values()) {
            rows.add(Arrays.asList(f.city().name(), Labels.shortPath(f.source()), COMPUTED_AT.format(f.computedAt()), f.toolVersion()));
        }
        s.table(List.of(Labels.text("reports.city"), Labels.text("reports.origin"), Labels.text("reports.computed_at"),
                Labels.text("reports.tool_version")), rows);
    }
}
