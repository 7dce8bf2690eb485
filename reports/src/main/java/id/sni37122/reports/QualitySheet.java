package id.sni37122.reports;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SqlResource;
import id.sni37122.indicators.Breakdown;
import id.sni37122.indicators.IndicatorLabels;
import id.sni37122.indicators.IndicatorResult;
import id.sni37122.indicators.Indicators;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Kualitas Data: every file loaded (with its fingerprint), why rows were rejected (per reason, then per file with line numbers), log coverage. */
final class QualitySheet {

    /** Line numbers shown per file and reason; the rest are in the warehouse. */
    static final int EXAMPLE_LINES = 5;

    /** A file's rejected rows for one reason. */
    record Rejects(String file, String reason, long count, String columns, String lines, String detail) {
        /** The first line numbers, "…" when there are more. */
        String shownLines() {
            return lines == null ? null : count > EXAMPLE_LINES ? lines + ", …" : lines;
        }
    }

    /**
     * One row per reason over every file, in the per-file table's columns (the file, or how many
     * files; the reason; how many rows), so 48 rejects in 24 files read as two causes.
     */
    static List<List<Object>> byReason(List<Rejects> byFile) {
        Map<String, List<Rejects>> groups = new LinkedHashMap<>();
        byFile.stream().sorted(Comparator.comparingLong(Rejects::count).reversed())
                .forEach(g -> groups.computeIfAbsent(g.reason(), k -> new ArrayList<>()).add(g));
        List<List<Object>> rows = new ArrayList<>();
        groups.forEach((reason, gs) -> rows.add(Arrays.asList(gs.size() == 1 ? gs.get(0).file() : Labels.text("reports.n_files", gs.size()),
                reason, gs.stream().mapToLong(Rejects::count).sum())));
        return rows;
    }

    private final XSSFWorkbook book;
    private final Styles styles;
    private final Connection warehouse;
    private final CityContext city;
    private final Path configFolder;

    QualitySheet(XSSFWorkbook book, Styles styles, Connection warehouse, CityContext city, Path configFolder) {
        this.book = book;
        this.styles = styles;
        this.warehouse = warehouse;
        this.city = city;
        this.configFolder = configFolder;
    }

    void write(List<IndicatorResult> results) throws SQLException {
        SheetWriter s = new SheetWriter(book, styles, Labels.text("reports.quality"));
        s.title(Labels.text("reports.quality") + " — " + city.name()); // every file of the city, whatever year it holds
        List<List<Object>> files = new ArrayList<>();
        List<List<Object>> hashes = new ArrayList<>();
        query("quality_files.sql", r -> {
            String path = Labels.path(r.getString(1), configFolder);
            LocalDateTime loaded = LocalDateTime.ofInstant(Instant.ofEpochMilli(r.getLong(5)), city.zone());
            files.add(Arrays.asList(path, kind(r.getString(2)), r.getString(3), loaded, r.getLong(6), r.getLong(7), r.getLong(8),
                    r.getBoolean(9) ? Labels.text("reports.superseded") : null));
            hashes.add(Arrays.asList(path, r.getString(4)));
        }, city.code());
        s.table(List.of(Labels.text("reports.file"), Labels.text("reports.kind"), Labels.text("reports.format"),
                Labels.text("reports.loaded_at") + " (" + Labels.zoneName(city.zone()) + ")",
                Labels.text("reports.rows_read"), Labels.text("reports.rows_loaded"), Labels.text("reports.rows_rejected"),
                Labels.text("reports.status")), files);
        s.freezeBelowFirstHeader();
        List<Rejects> byFile = new ArrayList<>();
        query("quality_reasons.sql", r -> byFile.add(new Rejects(Labels.path(r.getString(1), configFolder), Messages.get(r.getString(2)),
                r.getLong(3), r.getString(4), r.getString(5), r.getString(6))), city.code(), EXAMPLE_LINES);
        s.subtitle(Labels.text("reports.reasons"));
        s.table(List.of(Labels.text("reports.file"), Labels.text("reports.reason"), Labels.text("reports.rows_rejected")), byReason(byFile));
        s.subtitle(Labels.text("reports.rejects_by_file"));
        s.table(List.of(Labels.text("reports.file"), Labels.text("reports.reason"), Labels.text("reports.count"),
                Labels.text("reports.lines"), Labels.text("reports.column"), Labels.text("reports.detail")),
                byFile.stream().map(g -> Arrays.<Object>asList(g.file(), g.reason(), g.count(), g.shownLines(), g.columns(), g.detail()))
                        .toList());
        // Log coverage, where an indicator reports it (10.1): the days with no data at all.
        for (IndicatorResult r : results) {
            if (r.details().containsKey("coverage_days")) {
                IndicatorLabels labels = Indicators.byCode(r.indicator()).labels();
                s.subtitle(Labels.text("reports.coverage", r.indicator()));
                s.pairs(List.of(new Object[] {labels.get("detail.coverage_days"), r.details().get("coverage_days")},
                        new Object[] {labels.get("detail.coverage_share"), r.details().get("coverage_share") instanceof Number n
                                ? new Percent(n.doubleValue()) : null}));
                Breakdown missing = r.breakdown("missing_days");
                if (missing != null) {
                    s.subtitle(labels.get("breakdown.missing_days"));
                    s.table(missing.columns().stream().map(c -> labels.get("column." + c)).toList(), missing.rows());
                }
            }
        }
        s.subtitle(Labels.text("reports.hashes"));
        s.table(List.of(Labels.text("reports.file"), Labels.text("reports.sha256")), hashes);
        s.finish();
    }

    private static String kind(String kind) {
        return Messages.has("reports.kind." + kind) ? Messages.get("reports.kind." + kind) : kind;
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet r) throws SQLException;
    }

    private void query(String sql, RowHandler handler, Object... params) throws SQLException {
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(QualitySheet.class, sql))) {
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
