package id.sni37122.reports;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SqlResource;
import id.sni37122.indicators.Breakdown;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jfree.data.category.DefaultCategoryDataset;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The workbook and charts for one city and year, in the language set with
 * {@code Messages.setLanguage}: Ringkasan, a sheet per indicator (its details, warnings and
 * every breakdown, with charts), Kesiapan, Kualitas Data and Metodologi. Every breakdown is
 * drawn generically, so a new indicator needs no code here.
 */
public final class CityReport {

    /** Rejected rows shown per file; the rest are in the warehouse. */
    static final int EXAMPLES_PER_FILE = 5;

    private final Connection warehouse;
    private final CityContext city;
    private final Path readinessYaml;
    private String toolVersion = "";

    /**
     * @param warehouse     for data-quality tables and result history
     * @param readinessYaml the city's readiness answers, or null when the config names none
     */
    public CityReport(Connection warehouse, CityContext city, Path readinessYaml) {
        this.warehouse = warehouse;
        this.city = city;
        this.readinessYaml = readinessYaml;
    }

    /** The program version printed on the summary sheet. */
    public CityReport toolVersion(String version) {
        this.toolVersion = version;
        return this;
    }

    /**
     * Writes {@code sni37122-<city>-<year>.xlsx} and its PNG charts into {@code outputDir}.
     *
     * @return every file written
     */
    public List<Path> write(int year, List<IndicatorResult> results, Path outputDir) throws IOException, SQLException {
        String base = "sni37122-" + city.code() + "-" + year;
        List<Path> written = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            SheetWriter summary = new SheetWriter(book, Labels.text("reports.summary"));
            SheetWriter quality = null;
            summary.title(Labels.text("reports.title", city.name(), String.valueOf(year)));
            summary.note(Labels.text("reports.generated", toolVersion, java.time.LocalDate.now(), city.zone().getId()));
            summary.blank();
            summary.header(Labels.text("reports.iso"), Labels.text("reports.indicator"), Labels.text("reports.value"),
                    Labels.text("reports.unit"), Labels.text("reports.numerator"), Labels.text("reports.denominator"),
                    Labels.text("reports.previous"), Labels.text("reports.change"));
            summary.freezeBelowHeader();
            ResultStore history = new ResultStore(warehouse);
            List<Object[]> notes = new ArrayList<>();
            for (Indicator indicator : Indicators.all()) {
                Optional<IndicatorResult> found = results.stream().filter(r -> r.indicator().equals(indicator.code())).findFirst();
                IndicatorLabels labels = indicator.labels();
                Double previous = history.history(city.code(), indicator.code()).stream()
                        .filter(h -> h.year() == year - 1).map(ResultStore.HistoryPoint::value).findFirst().orElse(null);
                if (found.isEmpty()) {
                    summary.row(indicator.code(), labels.name(), Labels.text("reports.no_value"), labels.unit(), null, null, previous, null);
                    continue;
                }
                IndicatorResult r = found.get();
                Double change = previous != null && r.value() != null ? r.value() - previous : null;
                String warnings = String.join("; ", r.warnings().stream().map(w -> labels.get(w)).toList());
                summary.row(r.indicator(), labels.name(), r.value() == null ? Labels.text("reports.no_value") : r.value(), labels.unit(),
                        r.numerator(), r.denominator(), previous, change);
                if (!warnings.isEmpty()) {
                    notes.add(new Object[] {r.indicator(), Labels.text("reports.warnings") + ": " + warnings});
                }
                notes.add(new Object[] {r.indicator(), Labels.text("reports.rules") + ": " + rulesInBrief(r)});
                written.addAll(indicatorSheet(book, indicator, r, outputDir, base));
            }
            summary.blank();
            summary.header(Labels.text("reports.iso"), Labels.text("reports.notes_and_rules"));
            notes.forEach(summary::row);
            summary.autosize(8);
            readinessSheet(book, year);
            qualitySheet(book, results);
            methodSheet(book, results);
            Path xlsx = outputDir.resolve(base + ".xlsx");
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                book.write(out);
            }
            written.add(0, xlsx);
        }
        return written;
    }

    private List<Path> indicatorSheet(XSSFWorkbook book, Indicator indicator, IndicatorResult r, Path outputDir, String base)
            throws IOException, SQLException {
        IndicatorLabels labels = indicator.labels();
        List<Path> pngs = new ArrayList<>();
        SheetWriter s = new SheetWriter(book, SheetWriter.safeName(r.indicator() + " " + labels.get("short")));
        s.title(r.indicator() + " " + labels.name());
        s.blank();
        s.pair(Labels.text("reports.value"), r.value() == null ? Labels.text("reports.no_value") : r.value());
        s.pair(Labels.text("reports.unit"), labels.unit());
        s.pair(labels.get("numerator"), r.numerator());
        s.pair(labels.get("denominator"), r.denominator());
        for (Map.Entry<String, Object> d : r.details().entrySet()) {
            s.pair(labels.get("detail." + d.getKey()), d.getValue());
        }
        for (String w : r.warnings()) {
            s.pair(Labels.text("reports.warnings"), labels.get(w));
        }
        for (Breakdown b : r.breakdowns()) {
            s.blank();
            s.subtitle(labels.get("breakdown." + b.key()));
            s.header(b.columns().stream().map(c -> labels.get("column." + c)).toArray(String[]::new));
            for (List<Object> row : b.rows()) {
                Object[] cells = row.toArray();
                cells[0] = b.columns().get(0).equals("month") ? Labels.monthShort(((Number) cells[0]).intValue()) : cells[0];
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] instanceof String text) {
                        cells[i] = Labels.cell(labels, text);
                    }
                }
                s.row(cells);
            }
            if (b.chart() != null && !b.rows().isEmpty()) {
                Path png = outputDir.resolve(base + "-" + r.indicator() + "-" + b.key().replace('_', '-') + ".png");
                Charts.breakdown(b, labels, r.indicator() + " " + labels.get("breakdown." + b.key()), png);
                s.image(png, b.columns().size() + 1);
                pngs.add(png);
            }
        }
        List<ResultStore.HistoryPoint> trend = new ResultStore(warehouse).history(city.code(), r.indicator()).stream()
                .filter(h -> h.year() <= r.year()).toList();
        if (trend.size() >= 2) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            trend.forEach(h -> data.addValue(h.value(), labels.get("short"), String.valueOf(h.year())));
            Path png = outputDir.resolve(base + "-" + r.indicator() + "-trend.png");
            Charts.trend(Labels.text("reports.trend", labels.get("short")), labels.unit(), data, png);
            s.blank();
            s.subtitle(Labels.text("reports.trend", labels.get("short")));
            s.header(Labels.text("reports.year"), Labels.text("reports.value"), labels.get("numerator"), labels.get("denominator"));
            trend.forEach(h -> s.row(h.year(), h.value(), h.numerator(), h.denominator()));
            s.image(png, 5);
            pngs.add(png);
        }
        s.autosize(8);
        return pngs;
    }

    /** "visit_window_minutes=30; methods=GET, POST; …": the full table is on the Metodologi sheet. */
    private static String rulesInBrief(IndicatorResult r) {
        StringBuilder sb = new StringBuilder();
        r.rules().forEach((key, value) -> sb.append(sb.isEmpty() ? "" : "; ").append(key).append('=')
                .append(value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                        : value instanceof Map<?, ?> ? "…" : value));
        return sb.toString();
    }

    private void readinessSheet(XSSFWorkbook book, int year) {
        SheetWriter s = new SheetWriter(book, Labels.text("reports.readiness"));
        JsonNode answers = null;
        if (readinessYaml == null) {
            s.note(Labels.text("reports.no_readiness"));
        } else {
            try {
                answers = YAMLMapper.builder().build().readTree(readinessYaml.toFile()).path("indicators");
                s.note(readinessYaml.getFileName().toString());
            } catch (RuntimeException e) {
                s.note(Labels.text("reports.readiness_bad", readinessYaml, e.getMessage()));
            }
        }
        for (Indicator indicator : Indicators.all()) {
            IndicatorLabels labels = indicator.labels();
            s.blank();
            s.subtitle(indicator.code() + " " + labels.name());
            s.header(Labels.text("reports.item"), Labels.text("reports.question"), Labels.text("reports.answer"), Labels.text("reports.evidence"));
            int yes = 0;
            int missing = 0;
            JsonNode forIndicator = answers == null ? null : answers.path(indicator.code());
            for (int q = 1; q <= 9; q++) {
                JsonNode a = forIndicator == null ? null : forIndicator.path(String.valueOf(q));
                Boolean answer = a == null ? null : answer(a.path("answer"));
                String evidence = a == null || a.path("evidence").isMissingNode() ? null : a.path("evidence").asString();
                if (answer == null) {
                    missing++;
                } else if (answer) {
                    yes++;
                }
                s.row(q, labels.get("readiness." + q), answer == null ? Labels.text("reports.missing_answer")
                        : Labels.text(answer ? "reports.answer_yes" : "reports.answer_no"), evidence);
            }
            s.pair(Labels.text("reports.score"), Labels.text("reports.score_value", yes, missing));
        }
        s.autosize(4);
    }

    /** ya/yes/true, tidak/no/false; anything else (or nothing) is missing, never "no". */
    private static Boolean answer(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (!node.isString() && !node.isNumber()) {
            return null;
        }
        try {
            return id.sni37122.connectors.table.YesNo.parse(node.asString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void qualitySheet(XSSFWorkbook book, List<IndicatorResult> results) throws SQLException {
        SheetWriter s = new SheetWriter(book, Labels.text("reports.quality"));
        s.header(Labels.text("reports.file"), Labels.text("reports.kind"), Labels.text("reports.format"), Labels.text("reports.sha256"),
                Labels.text("reports.loaded_at"), Labels.text("reports.rows_read"), Labels.text("reports.rows_loaded"),
                Labels.text("reports.rows_rejected"), Labels.text("reports.status"));
        s.freezeBelowHeader();
        query("quality_files.sql", r -> s.row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getLong(6), r.getLong(7), r.getLong(8), r.getBoolean(9) ? Labels.text("reports.superseded") : null), city.code());
        s.blank();
        s.subtitle(Labels.text("reports.reasons"));
        s.header(Labels.text("reports.file"), Labels.text("reports.reason"), Labels.text("reports.count"));
        query("quality_reasons.sql", r -> s.row(r.getString(1), Messages.get(r.getString(2)), r.getLong(3)), city.code());
        s.blank();
        s.subtitle(Labels.text("reports.examples"));
        s.header(Labels.text("reports.file"), Labels.text("reports.line"), Labels.text("reports.column"), Labels.text("reports.reason"),
                Labels.text("reports.detail"));
        query("quality_examples.sql", r -> s.row(r.getString(1), r.getLong(2), r.getString(3), Messages.get(r.getString(4)), r.getString(5)),
                city.code(), EXAMPLES_PER_FILE);
        // Log coverage, where an indicator reports it (10.1): the days with no data at all.
        for (IndicatorResult r : results) {
            if (r.details().containsKey("coverage_days")) {
                IndicatorLabels labels = Indicators.byCode(r.indicator()).labels();
                s.blank();
                s.subtitle(Labels.text("reports.coverage", r.indicator()));
                s.pair(labels.get("detail.coverage_days"), r.details().get("coverage_days"));
                s.pair(labels.get("detail.coverage_share"), r.details().get("coverage_share"));
                Breakdown missing = r.breakdown("missing_days");
                if (missing != null && !missing.rows().isEmpty()) {
                    s.header(missing.columns().stream().map(c -> labels.get("column." + c)).toArray(String[]::new));
                    missing.rows().forEach(row -> s.row(row.toArray()));
                }
            }
        }
        s.autosize(9);
    }

    private void methodSheet(XSSFWorkbook book, List<IndicatorResult> results) {
        SheetWriter s = new SheetWriter(book, Labels.text("reports.method"));
        s.pair(Labels.text("reports.time_zone"), city.zone().getId());
        for (IndicatorResult r : results) {
            IndicatorLabels labels = Indicators.byCode(r.indicator()).labels();
            s.blank();
            s.subtitle(r.indicator() + " " + labels.name());
            s.header(Labels.text("reports.rule"), Labels.text("reports.setting"));
            r.rules().forEach((key, value) -> s.row(labels.get("rule." + key),
                    value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : String.valueOf(value)));
        }
        s.autosize(2);
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet r) throws SQLException;
    }

    private void query(String sql, RowHandler handler, Object... params) throws SQLException {
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(CityReport.class, sql))) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    handler.row(r);
                }
            }
        }
    }
}
