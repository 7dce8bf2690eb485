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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * One comparison workbook over several cities of a province (or any group): per indicator, each
 * city's value with its numerator and denominator, ranked, and the pooled figure of the group.
 * The pooled figure is the sum of numerators over the sum of denominators (for 10.1, total visits
 * over total population), never an average of the cities' values.
 */
public final class ProvinceReport {

    private final String name;
    private final String code;

    /**
     * @param code used in file names, e.g. {@code kaltim}
     * @param name shown in titles, e.g. {@code Provinsi Kalimantan Timur}
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
     * Writes {@code sni37122-<code>-perbandingan-<year>.xlsx} and a ranking chart per indicator.
     *
     * @param figures every city's figures (from warehouses or publications); those of other years are left out
     */
    public List<Path> write(int year, List<CityFigure> figures, Path outputDir) throws IOException {
        String base = "sni37122-" + code + "-perbandingan-" + year;
        List<Path> written = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            SheetWriter s = new SheetWriter(book, Labels.text("reports.comparison"));
            s.title(Labels.text("reports.comparison_title", name, String.valueOf(year)));
            s.note(Labels.text("reports.pooled_note"));
            for (Indicator indicator : Indicators.all()) {
                IndicatorLabels labels = indicator.labels();
                List<CityFigure> rows = new ArrayList<>(figures.stream()
                        .filter(f -> f.indicator().equals(indicator.code()) && f.year() == year).toList());
                if (rows.isEmpty()) {
                    continue;
                }
                rows.sort(Comparator.comparing((CityFigure f) -> f.value() == null ? Double.NEGATIVE_INFINITY : f.value()).reversed());
                s.blank();
                s.subtitle(indicator.code() + " " + labels.name() + " (" + labels.unit() + ")");
                s.header(Labels.text("reports.rank"), Labels.text("reports.city"), Labels.text("reports.value"),
                        labels.get("numerator"), labels.get("denominator"), Labels.text("reports.flags"));
                DefaultCategoryDataset data = new DefaultCategoryDataset();
                int rank = 0;
                for (CityFigure f : rows) {
                    s.row(++rank, f.city().name(), f.value(), f.numerator(), f.denominator(), String.join("; ", flags(labels, f)));
                    data.addValue(f.value(), labels.get("short"), f.city().name());
                }
                Double pooled = pooled(indicator, rows);
                List<RuleDifference> differences = RuleDifference.among(rows);
                String pooledFlag = differences.isEmpty() ? "" : Labels.text("reports.rules_differ",
                        String.join(", ", differences.stream().map(RuleDifference::key).toList()));
                s.row(null, name, pooled, sum(rows, CityFigure::numerator), sum(rows, CityFigure::denominator), pooledFlag);
                for (RuleDifference d : differences) {
                    s.note(Labels.text("reports.rule_difference", d.describe()));
                }
                data.addValue(pooled, labels.get("short"), name);
                Path png = outputDir.resolve(base + "-" + indicator.code() + ".png");
                Charts.ranking(indicator.code() + " " + labels.get("short") + " — " + year, labels.unit(), data, png);
                s.image(png, 7);
                written.add(png);
            }
            origins(s, figures.stream().filter(f -> f.year() == year).toList());
            notes.forEach(s::note);
            s.autosize(6);
            Path xlsx = outputDir.resolve(base + ".xlsx");
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                book.write(out);
            }
            written.add(0, xlsx);
        }
        return written;
    }

    /** Where each city's figures come from: the config (its warehouse) or the publication, when and by which version. */
    private static void origins(SheetWriter s, List<CityFigure> figures) {
        Map<List<String>, CityFigure> bySource = new LinkedHashMap<>();
        figures.forEach(f -> bySource.putIfAbsent(List.of(f.city().code(), f.source()), f));
        s.blank();
        s.subtitle(Labels.text("reports.origins"));
        s.header(Labels.text("reports.city"), Labels.text("reports.origin"), Labels.text("reports.computed_at"),
                Labels.text("reports.tool_version"));
        for (CityFigure f : bySource.values()) {
            s.row(f.city().name(), f.source(), f.computedAt().truncatedTo(ChronoUnit.SECONDS).toString(), f.toolVersion());
        }
    }
}
