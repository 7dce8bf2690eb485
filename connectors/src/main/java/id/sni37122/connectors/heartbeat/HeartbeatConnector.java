package id.sni37122.connectors.heartbeat;

import id.sni37122.connectors.Connector;
import id.sni37122.connectors.FileLoad;
import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.SourceException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Uptime-monitor checks in the native CSV ({@code monitor,time,status}, status up/down or 1/0).
 * Outages are not decided here: 10.4 derives them from the checks, so its rules (merge gap,
 * minimum duration) can change without reloading.
 */
public final class HeartbeatConnector implements Connector {

    private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();
    private static final Map<String, String> STATUS = Map.of("up", "up", "1", "up", "naik", "up",
            "down", "down", "0", "down", "turun", "down", "mati", "down");

    static {
        FIELDS.put("monitor", List.of("monitor", "nama", "layanan"));
        FIELDS.put("time", List.of("waktu", "timestamp"));
        FIELDS.put("status", List.of("status"));
    }

    @Override
    public String kind() {
        return "heartbeats";
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
    public FileLoad load(LoadContext ctx) throws IOException, SQLException, SourceException {
        TableOptions options = TableOptions.of(TableOptions.fields(ctx.spec().columns(), FIELDS), Set.of("monitor", "time", "status"));
        ZoneId zone = ctx.spec().zoneOr(ctx.city().zone());
        long[] counts = new long[2];
        try (PreparedStatement insert = ctx.connection().prepareStatement("INSERT INTO heartbeat VALUES (?, ?, ?, ?, ?, ?)")) {
            TableReader.read(ctx.file(), options, row -> {
                counts[0]++;
                try {
                    String monitor = row.required("monitor");
                    Instant time = row.checkedInstant("time", zone);
                    if (time == null) {
                        throw new RowRejected(row.header("time"), "connectors.required_missing", null);
                    }
                    String raw = row.required("status");
                    String status = STATUS.get(raw.toLowerCase(Locale.ROOT));
                    if (status == null) {
                        throw new RowRejected(row.header("status"), "heartbeat.bad_status", raw);
                    }
                    insert.setString(1, ctx.city().code());
                    insert.setLong(2, ctx.fileId());
                    insert.setLong(3, row.line());
                    insert.setString(4, monitor);
                    insert.setObject(5, Warehouse.utc(time));
                    insert.setString(6, status);
                    insert.executeUpdate();
                    counts[1]++;
                } catch (RowRejected e) {
                    ctx.rejects().reject(row.line(), e);
                }
            });
        }
        return new FileLoad(counts[0], counts[1], Map.of());
    }
}
