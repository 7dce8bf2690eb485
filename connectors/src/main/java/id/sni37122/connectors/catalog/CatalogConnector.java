package id.sni37122.connectors.catalog;

import id.sni37122.connectors.Connector;
import id.sni37122.connectors.FileLoad;
import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.table.RowRejected;
import id.sni37122.connectors.table.TableOptions;
import id.sni37122.connectors.table.TablePipeline;
import id.sni37122.connectors.table.TableReader;
import id.sni37122.connectors.table.TableRow;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The service catalogue (10.2): one row per city service, CSV or XLSX, native or Indonesian
 * headers. A service is online when its online flag says so or, without a flag, when its SPBE
 * level is Transaksi or higher (INDICATORS.md 10.2).
 */
public final class CatalogConnector implements Connector {

    /** SPBE service levels, lowest first. */
    static final List<String> LEVELS = List.of("informasi", "interaksi", "transaksi", "kolaborasi", "optimalisasi");
    /** The first level that counts as requestable online. */
    static final int ONLINE_LEVEL = LEVELS.indexOf("transaksi");

    private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("code", List.of("kode", "kode layanan", "id", "no"));
        FIELDS.put("name", List.of("nama layanan", "layanan", "nama"));
        FIELDS.put("agency", List.of("perangkat daerah/opd", "perangkat daerah", "opd", "instansi", "unit kerja"));
        FIELDS.put("area", List.of("bidang", "bidang layanan", "urusan", "kategori"));
        FIELDS.put("online", List.of("daring", "online", "dapat diminta daring", "layanan daring"));
        FIELDS.put("level", List.of("tingkat layanan", "tingkat layanan spbe", "level spbe", "tingkat kematangan"));
        FIELDS.put("url", List.of("url", "alamat", "tautan"));
        FIELDS.put("valid_from", List.of("mulai", "tanggal mulai", "berlaku sejak"));
        FIELDS.put("valid_to", List.of("berakhir", "tanggal berakhir", "ditutup"));
    }

    /** Options of a catalogue source besides path, format and columns. */
    private static final Set<String> OPTIONS = Set.of("header_row", "sheet");

    @Override
    public String kind() {
        return "catalog";
    }

    @Override
    public Set<String> formats() {
        return Set.of("csv", "xlsx", "yaml");
    }

    @Override
    public String defaultFormat(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") ? "yaml" : TableReader.formatOf(file);
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public void check(SourceSpec spec) throws SourceException {
        for (String key : spec.options().keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new SourceException(null, Messages.get("catalog.unknown_option", key, OPTIONS));
            }
        }
        Object row = spec.options().get("header_row");
        if (row != null && !(row instanceof Number n && n.intValue() > 0)) {
            throw new SourceException(null, Messages.get("catalog.bad_header_row", row));
        }
    }

    @Override
    public TableOptions tableOptions(SourceSpec spec, String format) {
        if (format.equals("yaml")) {
            return null;
        }
        Object headerRow = spec.options().get("header_row");
        Object sheet = spec.options().get("sheet");
        return new TableOptions(TableOptions.fields(spec.columns(), FIELDS), Set.of("code", "name"),
                headerRow instanceof Number n ? n.intValue() : null, sheet == null ? null : sheet.toString(), null, null);
    }

    @Override
    public FileLoad load(LoadContext ctx) throws IOException, SQLException, SourceException {
        TableOptions options = tableOptions(ctx.spec(), ctx.format());
        Map<String, Long> firstLine = new HashMap<>();
        long[] counts = new long[2];
        // Rows reach DuckDB through its appender, in the file's transaction: one INSERT per row
        // managed about 2 000 rows a second. A table is parsed and checked on a thread of its own
        // while this one appends.
        try (DuckDBAppender out = ctx.connection().unwrap(DuckDBConnection.class)
                .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "catalog_service")) {
            if (ctx.format().equals("yaml")) {
                YamlCatalog.read(ctx.file(), row -> {
                    counts[0]++;
                    try {
                        append(ctx, out, service(firstLine, row));
                        counts[1]++;
                    } catch (RowRejected e) {
                        ctx.rejects().reject(row.line(), e);
                    }
                });
                return new FileLoad(counts[0], counts[1], Map.of());
            }
            TableReader.Read read = TablePipeline.read(ctx.file(), options, ctx.rejects(), row -> service(firstLine, row), service -> {
                append(ctx, out, service);
                counts[1]++;
            });
            if (!read.header().has("online") && !read.header().has("level")) {
                throw new SourceException(ctx.file(), read.header().line(), null, Messages.get("catalog.no_online_column"));
            }
            return new FileLoad(read.rowsRead(), counts[1], Map.of(), read.notes());
        }
    }

    /** One service as the warehouse keeps it. */
    private record Service(long line, String code, String name, String agency, String area, boolean online, String onlineSource,
                           String level, String url, LocalDate from, LocalDate to) {
    }

    /** Checks a row; a code seen before in the file (in any case) rejects it. */
    private static Service service(Map<String, Long> firstLine, TableRow row) throws RowRejected {
        String code = row.required("code");
        String name = row.required("name");
        Long first = firstLine.putIfAbsent(code.toLowerCase(Locale.ROOT), row.line());
        if (first != null) {
            throw new RowRejected(row.header("code"), "connectors.duplicate_id", code + " (" + first + ")");
        }
        Boolean flag = row.checkedFlag("online");
        String level = row.text("level");
        int rank = level == null ? -1 : LEVELS.indexOf(level.strip().toLowerCase(Locale.ROOT));
        if (level != null && rank < 0) {
            throw new RowRejected(row.header("level"), "catalog.bad_level", level);
        }
        if (flag == null && rank < 0) {
            throw new RowRejected(row.header("online"), "catalog.no_online_flag", code);
        }
        LocalDate from = row.checkedDate("valid_from");
        LocalDate to = row.checkedDate("valid_to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new RowRejected(row.header("valid_to"), "connectors.end_before_start", from + " > " + to);
        }
        String area = row.text("area");
        return new Service(row.line(), code, name, row.text("agency"), area == null ? null : area.toLowerCase(Locale.ROOT),
                flag != null ? flag : rank >= ONLINE_LEVEL, flag != null ? "flag" : "level", rank < 0 ? null : LEVELS.get(rank),
                row.text("url"), from, to);
    }

    private static void append(LoadContext ctx, DuckDBAppender out, Service s) throws SQLException {
        out.beginRow().append(ctx.city().code()).append(ctx.fileId()).append(s.line()).append(s.code()).append(s.name())
                .append(s.agency()).append(s.area()).append(s.online()).append(s.onlineSource()).append(s.level()).append(s.url())
                .append(s.from()).append(s.to()).endRow();
    }
}
