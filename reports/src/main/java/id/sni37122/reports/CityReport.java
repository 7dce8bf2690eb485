package id.sni37122.reports;

import id.sni37122.connectors.CityContext;
import id.sni37122.indicators.Indicator;
import id.sni37122.indicators.IndicatorLabels;
import id.sni37122.indicators.IndicatorResult;
import id.sni37122.indicators.Indicators;
import id.sni37122.indicators.ResultStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook and charts for one city and year, in the language set with
 * {@code Messages.setLanguage}: Ringkasan, a sheet per indicator (its details, warnings and
 * every breakdown, with native charts), Kesiapan, Kualitas Data and Metodologi. Every breakdown
 * is drawn generically, so a new indicator needs no code here.
 */
public final class CityReport {

    private final Connection warehouse;
    private final CityContext city;
    private final Map<Integer, Path> readiness;
    private final Path configFolder;
    private String toolVersion = "";

    /**
     * @param warehouse    for data-quality tables and result history
     * @param readiness    each year's readiness answers (a year left out shows the checklist unfilled)
     * @param configFolder source paths are shown relative to it; null shows them as stored
     */
    public CityReport(Connection warehouse, CityContext city, Map<Integer, Path> readiness, Path configFolder) {
        this.warehouse = warehouse;
        this.city = city;
        this.readiness = readiness == null ? Map.of() : readiness;
        this.configFolder = configFolder;
    }

    /** The program version printed on the summary sheet. */
    public CityReport toolVersion(String version) {
        this.toolVersion = version;
        return this;
    }

    /**
     * Writes {@code sni37122-<city>-<year>.xlsx} and its PNG charts into {@code outputDir}.
     *
     * @return every file written, the workbook first
     */
    public List<Path> write(int year, List<IndicatorResult> results, Path outputDir) throws IOException, SQLException {
        String base = "sni37122-" + city.code() + "-" + year;
        List<Path> written = new ArrayList<>();
        ResultStore history = new ResultStore(warehouse);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Styles styles = new Styles(book);
            SheetWriter summary = new SheetWriter(book, styles, Labels.text("reports.summary"));
            summary.title(Labels.text("reports.title", city.name(), String.valueOf(year)));
            summary.note(Labels.text("reports.generated", toolVersion, LocalDate.now(), city.zone().getId() + " (" + Labels.zoneName(city.zone()) + ")"));
            List<List<Object>> rows = new ArrayList<>();
            List<List<Object>> notes = new ArrayList<>();
            List<List<Object>> rules = new ArrayList<>();
            for (Indicator indicator : Indicators.all()) {
                Optional<IndicatorResult> found = results.stream().filter(r -> r.indicator().equals(indicator.code())).findFirst();
                IndicatorLabels labels = indicator.labels();
                Double previous = history.history(city.code(), indicator.code()).stream()
                        .filter(h -> h.year() == year - 1).map(ResultStore.HistoryPoint::value).findFirst().orElse(null);
                if (found.isEmpty()) {
                    rows.add(Arrays.asList(indicator.code(), labels.name(), Labels.text("reports.no_data"), labels.unit(), null, null, previous, null));
                    continue;
                }
                IndicatorResult r = found.get();
                Double change = previous != null && r.value() != null ? r.value() - previous : null;
                rows.add(Arrays.asList(r.indicator(), labels.name(), r.value() == null ? Labels.text("reports.no_value") : r.value(), labels.unit(),
                        new Quantity(r.numerator(), labels.get("numerator_unit")), new Quantity(r.denominator(), labels.get("denominator_unit")),
                        previous, change));
                for (String w : r.warnings()) {
                    notes.add(Arrays.asList(notes.stream().anyMatch(n -> r.indicator().equals(n.get(0))) ? null : r.indicator(), labels.get(w)));
                }
                boolean first = true;
                for (Map.Entry<String, Object> rule : r.rules().entrySet()) {
                    rules.add(Arrays.asList(first ? r.indicator() : null, Labels.ruleSentence(labels, rule.getKey(), rule.getValue())));
                    first = false;
                }
                written.addAll(new IndicatorSheet(book, styles, city, indicator, r, history).write(outputDir, base));
            }
            summary.table(List.of(Labels.text("reports.iso"), Labels.text("reports.indicator"), Labels.text("reports.value"),
                    Labels.text("reports.unit"), Labels.text("reports.numerator"), Labels.text("reports.denominator"),
                    Labels.text("reports.previous"), Labels.text("reports.change")), rows);
            summary.freezeBelowFirstHeader();
            if (!notes.isEmpty()) {
                summary.subtitle(Labels.text("reports.notes"));
                summary.table(List.of(Labels.text("reports.iso"), Labels.text("reports.warnings")), notes);
            }
            summary.subtitle(Labels.text("reports.rules_used"));
            summary.table(List.of(Labels.text("reports.iso"), Labels.text("reports.rule")), rules);
            summary.finish();
            new ReadinessSheet(book, styles, city, configFolder).write(year, readiness.get(year));
            new QualitySheet(book, styles, warehouse, city, configFolder).write(results);
            new MethodSheet(book, styles, city).write(results);
            Path xlsx = outputDir.resolve(base + ".xlsx");
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                book.write(out);
            }
            written.add(0, xlsx);
        }
        return written;
    }
}
