package id.sni37122.reports;

import id.sni37122.connectors.CityContext;
import id.sni37122.indicators.Indicator;
import id.sni37122.indicators.IndicatorLabels;
import id.sni37122.indicators.IndicatorResult;
import id.sni37122.indicators.Indicators;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

    /** The pooled value: the same formula as each city's, applied to the summed numerators and denominators. */
    static Double pooled(List<IndicatorResult> results) {
        double numerator = results.stream().mapToDouble(IndicatorResult::numerator).sum();
        double denominator = results.stream().mapToDouble(IndicatorResult::denominator).sum();
        // Each indicator's value is numerator / denominator times a fixed factor (100 for %, 1/24 for days).
        Double factor = results.stream().filter(r -> r.value() != null && r.numerator() != 0 && r.denominator() != 0)
                .map(r -> r.value() * r.denominator() / r.numerator()).findFirst().orElse(null);
        return factor == null || denominator == 0 ? null : numerator / denominator * factor;
    }

    /**
     * Writes {@code sni37122-<code>-perbandingan-<year>.xlsx} and a ranking chart per indicator.
     *
     * @param byCity each city's results for the year (cities without a result for an indicator are left out of it)
     */
    public List<Path> write(int year, Map<CityContext, List<IndicatorResult>> byCity, Path outputDir) throws IOException {
        String base = "sni37122-" + code + "-perbandingan-" + year;
        List<Path> written = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            SheetWriter s = new SheetWriter(book, Labels.text("reports.comparison"));
            s.title(Labels.text("reports.comparison_title", name, String.valueOf(year)));
            s.note(Labels.text("reports.pooled_note"));
            for (Indicator indicator : Indicators.all()) {
                IndicatorLabels labels = indicator.labels();
                List<Map.Entry<CityContext, IndicatorResult>> rows = new ArrayList<>();
                byCity.forEach((city, results) -> results.stream().filter(r -> r.indicator().equals(indicator.code()) && r.year() == year)
                        .findFirst().ifPresent(r -> rows.add(Map.entry(city, r))));
                if (rows.isEmpty()) {
                    continue;
                }
                rows.sort(Comparator.comparing((Map.Entry<CityContext, IndicatorResult> e) ->
                        e.getValue().value() == null ? Double.NEGATIVE_INFINITY : e.getValue().value()).reversed());
                s.blank();
                s.subtitle(indicator.code() + " " + labels.name() + " (" + labels.unit() + ")");
                s.header(Labels.text("reports.rank"), Labels.text("reports.city"), Labels.text("reports.value"),
                        labels.get("numerator"), labels.get("denominator"));
                DefaultCategoryDataset data = new DefaultCategoryDataset();
                int rank = 0;
                for (Map.Entry<CityContext, IndicatorResult> e : rows) {
                    IndicatorResult r = e.getValue();
                    s.row(++rank, e.getKey().name(), r.value(), r.numerator(), r.denominator());
                    data.addValue(r.value(), labels.get("short"), e.getKey().name());
                }
                List<IndicatorResult> all = rows.stream().map(Map.Entry::getValue).toList();
                Double pooled = pooled(all);
                s.row(null, name, pooled, all.stream().mapToDouble(IndicatorResult::numerator).sum(),
                        all.stream().mapToDouble(IndicatorResult::denominator).sum());
                data.addValue(pooled, labels.get("short"), name);
                Path png = outputDir.resolve(base + "-" + indicator.code() + ".png");
                Charts.ranking(indicator.code() + " " + labels.get("short") + " — " + year, labels.unit(), data, png);
                s.image(png, 6);
                written.add(png);
            }
            s.autosize(5);
            Path xlsx = outputDir.resolve(base + ".xlsx");
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                book.write(out);
            }
            written.add(0, xlsx);
        }
        return written;
    }
}
