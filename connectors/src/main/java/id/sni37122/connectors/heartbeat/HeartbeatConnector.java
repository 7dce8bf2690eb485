package id.sni37122.connectors.heartbeat;

import id.sni37122.connectors.Connector;
import id.sni37122.connectors.FileLoad;
import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.table.RowRejected;
import id.sni37122.connectors.table.TableOptions;
import id.sni37122.connectors.table.TableReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Uptime-monitor checks: the native CSV or XLSX ({@code monitor,time,status}, status up/down or
 * 1/0), an Uptime Kuma database ({@code uptime-kuma}, {@link UptimeKumaReader}) or a Prometheus
 * range-query answer ({@code prometheus}, {@link PrometheusReader}). Outages are not decided here:
 * 10.4 derives them from the checks, so its rules (merge gap, minimum duration) can change
 * without reloading.
 */
public final class HeartbeatConnector implements Connector {

    private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();
    /**
     * Options by format: a Prometheus answer of avg_over_time fractions says below which value a
     * sample is down; an Uptime Kuma 2.x on MariaDB is named by its url and reached as a user.
     */
    private static final Map<String, Set<String>> OPTIONS = Map.of("prometheus", Set.of("down_below"),
            "uptime-kuma", Set.of("url", KumaMariaDb.USER, KumaMariaDb.PASSWORD_FILE, KumaMariaDb.PASSWORD_ENV));
    /** What reaches the database but does not shape what is read: not part of the read settings. */
    private static final Set<String> CREDENTIALS = Set.of(KumaMariaDb.USER, KumaMariaDb.PASSWORD_FILE, KumaMariaDb.PASSWORD_ENV);
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
        return Set.of("csv", "xlsx", "uptime-kuma", "prometheus");
    }

    @Override
    public Set<String> options() {
        Set<String> all = new TreeSet<>();
        OPTIONS.values().forEach(all::addAll);
        return all;
    }

    /** Uptime Kuma 2.x keeps its data in MariaDB as an alternative to SQLite. */
    @Override
    public String databaseFormat() {
        return "uptime-kuma";
    }

    /** {@code .db}/{@code .sqlite} is an Uptime Kuma database, {@code .json} a Prometheus answer, else a table. */
    @Override
    public String defaultFormat(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".db") || name.endsWith(".sqlite") || name.endsWith(".sqlite3")) {
            return "uptime-kuma";
        }
        return name.endsWith(".json") ? "prometheus" : TableReader.formatOf(file);
    }

    /**
     * An Uptime Kuma database read again adds what is new and keeps what Kuma has pruned since:
     * Kuma deletes old heartbeats itself, so its database never holds more than its retention.
     */
    @Override
    public boolean accumulates(String format) {
        return format.equals("uptime-kuma");
    }

    @Override
    public void check(SourceSpec spec) throws SourceException {
        String format = spec.format() != null ? spec.format() : spec.url() != null ? databaseFormat() : defaultFormat(Path.of(spec.path()));
        for (String option : spec.options().keySet()) {
            if (!OPTIONS.getOrDefault(format, Set.of()).contains(option)) {
                throw new SourceException(null, Messages.get("heartbeat.unknown_option", option));
            }
            if (spec.url() == null && CREDENTIALS.contains(option)) {
                throw new SourceException(null, Messages.get("heartbeat.kuma_db_only", option));
            }
        }
        if (spec.url() != null) {
            KumaMariaDb.check(spec);
        }
    }

    /** A database is read the same whoever reads it: the user and where the password lies do not count. */
    @Override
    public Map<String, Object> readSettings(SourceSpec spec, String format, ZoneId cityZone) {
        Map<String, Object> settings = Connector.super.readSettings(spec, format, cityZone);
        settings.keySet().removeAll(CREDENTIALS);
        return settings;
    }

    @Override
    public TableOptions tableOptions(SourceSpec spec, String format) {
        return format.equals("uptime-kuma") || format.equals("prometheus") ? null
                : TableOptions.of(TableOptions.fields(spec.columns(), FIELDS), Set.of("monitor", "time", "status"));
    }

    @Override
    public FileLoad load(LoadContext ctx) throws IOException, SQLException, SourceException {
        long[] read = new long[1];
        List<String> notes = new ArrayList<>();
        try (HeartbeatWriter out = new HeartbeatWriter(ctx)) {
            Map<String, Object> details = switch (ctx.format()) {
                case "uptime-kuma" -> ctx.file() == null ? UptimeKumaReader.loadMariaDb(ctx, out, read, notes)
                        : UptimeKumaReader.load(ctx, out, read, notes);
                case "prometheus" -> PrometheusReader.load(ctx, out, read);
                default -> loadTable(ctx, out, read, notes);
            };
            return new FileLoad(read[0], out.written(), details, notes);
        }
    }

    private Map<String, Object> loadTable(LoadContext ctx, HeartbeatWriter out, long[] read, List<String> notes)
            throws IOException, SQLException, SourceException {
        TableOptions options = tableOptions(ctx.spec(), ctx.format());
        ZoneId zone = ctx.spec().zoneOr(ctx.city().zone());
        TableReader.Read table = TableReader.read(ctx.file(), options, ctx.rejects(), row -> {
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
                out.add(row.line(), monitor, time, status);
            } catch (RowRejected e) {
                ctx.rejects().reject(row.line(), e);
            }
        });
        read[0] = table.rowsRead();
        notes.addAll(table.notes());
        return Map.of();
    }
}
