package id.sni37122.reports;

import id.sni37122.connectors.CityContext;
import id.sni37122.indicators.Breakdown;
import id.sni37122.indicators.Indicator;
import id.sni37122.indicators.IndicatorLabels;
import id.sni37122.indicators.IndicatorResult;
import id.sni37122.indicators.ResultStore;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** One indicator's sheet: value, numerator and denominator with units, details, warnings, every breakdown and the trend. */
final class IndicatorSheet {

    private final XSSFWorkbook book;
    private final Styles styles;
    private final CityContext city;
    private final Indicator indicator;
    private final IndicatorResult r;
    private final ResultStore history;
    private final IndicatorLabels labels;

    IndicatorSheet(XSSFWorkbook book, Styles styles, CityContext city, Indicator indicator, IndicatorResult r, ResultStore history) {
        this.book = book;
        this.styles = styles;
        this.city = city;
        this.indicator = indicator;
        this.r = r;
        this.history = history;
        this.labels = indicator.labels();
    }

    /** A local date-time an indicator gave as text ("2021-12-31 23:50"), as one, so it is a date cell labelled with its zone. */
    private static Object localTime(Object v) {
        if (v instanceof String s && LOCAL_TIME.matcher(s).matches()) {
            return LocalDateTime.parse(s.replace(' ', 'T'));
        }
        return v;
    }

    private static final Pattern LOCAL_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

    /** Writes the sheet; returns the PNG twins of its charts. */
    List<Path> write(Path outputDir, String base) throws IOException, SQLException {
        List<Path> pngs = new ArrayList<>();
        SheetWriter s = new SheetWriter(book, styles, SheetWriter.safeName(r.indicator() + " " + labels.get("short")));
        s.title(Labels.text("reports.sheet_title", r.indicator() + " " + labels.name(), city.name(), String.valueOf(r.year())));
        List<Object[]> pairs = new ArrayList<>();
        pairs.add(new Object[] {Labels.text("reports.value") + " (" + labels.unit() + ")",
                r.value() == null ? Labels.text("reports.no_value") : r.value()});
        pairs.add(new Object[] {labels.get("numerator"), new Quantity(r.numerator(), labels.get("numerator_unit"))});
        pairs.add(new Object[] {labels.get("denominator"), new Quantity(r.denominator(), labels.get("denominator_unit"))});
        pairs.add(new Object[] {Labels.text("reports.direction"), Labels.text("reports.direction." + indicator.direction())});
        for (Map.Entry<String, Object> d : r.details().entrySet()) {
            Object v = localTime(d.getValue());
            String label = labels.get("detail." + d.getKey());
            if (v instanceof LocalDateTime) {
                label += " (" + Labels.zoneName(city.zone()) + ")";
            }
            pairs.add(new Object[] {label, shown(d.getKey(), v)});
        }
        for (String w : r.warnings()) {
            pairs.add(new Object[] {Labels.text("reports.warnings"), labels.get(w)});
        }
        s.pairs(pairs);
        for (Breakdown b : r.breakdowns()) {
            if (b.key().equals("missing_days")) {
                continue; // on the Kualitas Data sheet, with the coverage
            }
            s.subtitle(labels.get("breakdown." + b.key()));
            List<List<Object>> rows = b.rows().stream().map(this::row).map(cells -> {
                for (int i = 0; i < cells.size(); i++) {
                    cells.set(i, shown(b.columns().get(i), cells.get(i)));
                }
                return cells;
            }).toList();
            List<String> headers = new ArrayList<>();
            for (int i = 0; i < b.columns().size(); i++) {
                int col = i;
                boolean times = rows.stream().anyMatch(row -> row.get(col) instanceof LocalDateTime);
                headers.add(labels.get("column." + b.columns().get(i)) + (times ? " (" + Labels.zoneName(city.zone()) + ")" : ""));
            }
            s.table(headers, rows);
            if (b.chart() != null && !b.rows().isEmpty()) {
                int valueColumn = b.columns().indexOf(b.chart().valueColumn());
                ChartSpec spec = new ChartSpec(b.chart().type() == Breakdown.Chart.Type.LINE,
                        Labels.text("reports.chart_title", r.indicator() + " " + labels.get("breakdown." + b.key()), city.name(), String.valueOf(r.year())),
                        headers.get(0), headers.get(valueColumn), 0, valueColumn, false);
                s.chart(spec);
                Path png = outputDir.resolve(base + "-" + r.indicator() + "-" + b.key().replace('_', '-') + ".png");
                png(spec, rows, valueColumn, png);
                pngs.add(png);
            }
        }
        List<ResultStore.HistoryPoint> trend = history.history(city.code(), r.indicator()).stream()
                .filter(h -> h.year() <= r.year()).toList();
        if (trend.size() >= 2) {
            String title = Labels.text("reports.trend", labels.get("short"));
            s.subtitle(title);
            List<List<Object>> rows = trend.stream().map(h -> Arrays.<Object>asList(String.valueOf(h.year()), h.value(),
                    new Quantity(h.numerator(), labels.get("numerator_unit")), new Quantity(h.denominator(), labels.get("denominator_unit")))).toList();
            s.table(List.of(Labels.text("reports.year"), Labels.text("reports.value") + " (" + labels.unit() + ")", labels.get("numerator"),
                    labels.get("denominator")), rows);
            ChartSpec spec = ChartSpec.line(Labels.text("reports.chart_title", r.indicator() + " " + title, city.name(),
                    trend.get(0).year() + "–" + r.year()), Labels.text("reports.year"), labels.unit(), 1);
            s.chart(spec);
            Path png = outputDir.resolve(base + "-" + r.indicator() + "-trend.png");
            png(spec, rows, 1, png);
            pngs.add(png);
        }
        s.finish();
        return pngs;
    }

    /** A breakdown row as cells: months by name, category values by their labels. */
    private List<Object> row(List<Object> values) {
        List<Object> cells = new ArrayList<>(values);
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i) instanceof String text) {
                cells.set(i, Labels.cell(labels, text));
            }
        }
        return cells;
    }

    /** Shares as percentages, months by name; other values as they are. */
    private static Object shown(String key, Object v) {
        if (v instanceof Number n && (key.endsWith("_share") || key.endsWith("share"))) {
            return new Percent(n.doubleValue());
        }
        if (v instanceof Number n && key.endsWith("percent")) {
            return Percent.ofPercent(n);
        }
        if (v instanceof Number n && key.equals("month")) {
            return Labels.monthShort(n.intValue());
        }
        return v;
    }

    private static void png(ChartSpec spec, List<List<Object>> rows, int valueColumn, Path png) throws IOException {
        List<String> categories = rows.stream().map(row -> String.valueOf(row.get(0))).toList();
        boolean percent = rows.stream().anyMatch(row -> row.get(valueColumn) instanceof Percent);
        List<Double> values = rows.stream().map(row -> row.get(valueColumn) instanceof Percent p ? Double.valueOf(p.fraction())
                : row.get(valueColumn) instanceof Number n ? Double.valueOf(n.doubleValue()) : null).toList();
        Charts.png(spec, categories, values, percent, png);
    }
}
