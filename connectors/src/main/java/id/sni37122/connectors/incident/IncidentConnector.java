package id.sni37122.connectors.incident;

import id.sni37122.connectors.Connector;
import id.sni37122.connectors.FileLoad;
import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.Warehouse;
import id.sni37122.connectors.table.RowRejected;
import id.sni37122.connectors.table.TableOptions;
import id.sni37122.connectors.table.TableReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The incident register (10.4) kept by the Diskominfo data-centre team: asset, start, end,
 * cause, planned or not, ticket. A blank end means the incident is still open.
 */
public final class IncidentConnector implements Connector {

    private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("id", List.of("no tiket", "nomor tiket", "tiket", "no"));
        FIELDS.put("asset", List.of("aset", "aset/layanan", "layanan", "perangkat", "sistem"));
        FIELDS.put("started_at", List.of("mulai", "waktu mulai", "tanggal mulai", "awal gangguan"));
        FIELDS.put("ended_at", List.of("selesai", "waktu selesai", "tanggal selesai", "pulih"));
        FIELDS.put("cause", List.of("penyebab", "sebab"));
        FIELDS.put("planned", List.of("terencana", "terjadwal", "direncanakan", "pemeliharaan terjadwal"));
    }

    @Override
    public String kind() {
        return "incidents";
    }

    @Override
    public Set<String> formats() {
        return Set.of("csv", "xlsx");
    }

    @Override
    public String defaultFormat(Path file) {
        return TableReader.formatOf(file);
    }

    @Override
    public TableOptions tableOptions(SourceSpec spec, String format) {
        return TableOptions.of(TableOptions.fields(spec.columns(), FIELDS), Set.of("asset", "started_at"));
    }

    @Override
    public FileLoad load(LoadContext ctx) throws IOException, SQLException, SourceException {
        TableOptions options = tableOptions(ctx.spec(), ctx.format());
        ZoneId zone = ctx.spec().zoneOr(ctx.city().zone());
        Map<String, Long> firstLine = new HashMap<>();
        long[] loaded = new long[1];
        try (PreparedStatement insert = ctx.connection().prepareStatement(
                "INSERT INTO incident VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            TableReader.Read read = TableReader.read(ctx.file(), options, ctx.rejects(), row -> {
                try {
                    String id = row.text("id");
                    if (id != null) {
                        Long first = firstLine.putIfAbsent(id, row.line());
                        if (first != null) {
                            throw new RowRejected(row.header("id"), "connectors.duplicate_id", id + " (" + first + ")");
                        }
                    }
                    String asset = row.required("asset");
                    Instant start = row.checkedInstant("started_at", zone);
                    if (start == null) {
                        throw new RowRejected(row.header("started_at"), "connectors.required_missing", null);
                    }
                    Instant end = row.checkedInstant("ended_at", zone);
                    if (end != null && end.isBefore(start)) {
                        throw new RowRejected(row.header("ended_at"), "connectors.end_before_start",
                                row.text("started_at") + " > " + row.text("ended_at"));
                    }
                    Boolean planned = row.checkedFlag("planned");
                    insert.setString(1, ctx.city().code());
                    insert.setLong(2, ctx.fileId());
                    insert.setLong(3, row.line());
                    insert.setString(4, id);
                    insert.setString(5, asset);
                    insert.setObject(6, Warehouse.utc(start));
                    insert.setObject(7, Warehouse.utc(end));
                    insert.setString(8, row.text("cause"));
                    insert.setBoolean(9, Boolean.TRUE.equals(planned));
                    insert.executeUpdate();
                    loaded[0]++;
                } catch (RowRejected e) {
                    ctx.rejects().reject(row.line(), e);
                }
            });
            return new FileLoad(read.rowsRead(), loaded[0], Map.of(), read.notes());
        }
    }
}
