package id.sni37122.connectors.heartbeat;

import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.SqlResource;
import id.sni37122.connectors.table.PlausibleTime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/**
 * Reads an Uptime Kuma database ({@code kuma.db}, SQLite) read-only: its {@code monitor} table
 * (id, name, interval) and its {@code heartbeat} table (monitor_id, status 0 down / 1 up /
 * 2 pending / 3 maintenance, time as UTC text {@code YYYY-MM-DD HH:MM:SS.sss}).
 */
final class UptimeKumaReader {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final String[] STATUS = {"down", "up", "pending", "maintenance"};
    /** The columns read, table by table: all in every Uptime Kuma release since 1.0. */
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "monitor", List.of("id", "name", "interval"),
            "heartbeat", List.of("id", "monitor_id", "status", "time"));

    private UptimeKumaReader() {
    }

    /** Loads every heartbeat; returns the counts per status and of monitors, for the load's details. */
    static Map<String, Object> load(LoadContext ctx, HeartbeatWriter out, long[] read) throws IOException, SQLException, SourceException {
        Path file = ctx.file();
        if (!isSqlite(file)) {
            throw new SourceException(file, Messages.get("heartbeat.not_sqlite"));
        }
        Map<String, Long> byStatus = new TreeMap<>();
        Set<String> monitors = new HashSet<>();
        try (Connection kuma = open(file)) {
            checkColumns(kuma, file);
            try (PreparedStatement p = kuma.prepareStatement(SqlResource.load(UptimeKumaReader.class, "kuma_heartbeats.sql"));
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    read[0]++;
                    long id = r.getLong("id");
                    String monitor = r.getString("name");
                    if (monitor == null || monitor.isBlank()) {
                        ctx.rejects().reject(id, "heartbeat.monitor_id", "heartbeat.kuma_no_monitor", r.getString("monitor_id"));
                        continue;
                    }
                    int code = r.getInt("status");
                    if (r.wasNull() || code < 0 || code >= STATUS.length) {
                        ctx.rejects().reject(id, "heartbeat.status", "heartbeat.kuma_bad_status", r.getString("status"));
                        continue;
                    }
                    String text = r.getString("time");
                    Instant time = time(text);
                    if (time == null) {
                        ctx.rejects().reject(id, "heartbeat.time", "heartbeat.kuma_bad_time", text);
                        continue;
                    }
                    if (!PlausibleTime.ok(time)) {
                        ctx.rejects().reject(id, "heartbeat.time", "connectors.date_out_of_range", text);
                        continue;
                    }
                    int interval = r.getInt("interval");
                    out.add(id, monitor.strip(), time, STATUS[code], r.wasNull() || interval <= 0 ? null : interval);
                    byStatus.merge(STATUS[code], 1L, Long::sum);
                    monitors.add(monitor.strip());
                }
            }
        } catch (SQLiteException e) {
            // The warehouse's own errors are not the source's fault and pass on unchanged.
            throw new SourceException(file, 0, null, Messages.get("heartbeat.kuma_unreadable", e.getMessage()), e);
        }
        Map<String, Object> details = new LinkedHashMap<>(byStatus);
        details.put("monitors", monitors.size());
        return details;
    }

    /**
     * Opens the database read-only. Without a {@code -wal} file beside it the whole database is in
     * the file, so it is opened immutable: SQLite then creates no {@code -wal}/{@code -shm} files
     * next to the source. With one (a live Kuma, or a copy taken with it), the log must be read.
     */
    private static Connection open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        boolean live = Files.exists(file.resolveSibling(file.getFileName() + "-wal"));
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?mode=ro" + (live ? "" : "&immutable=1"));
    }

    private static boolean isSqlite(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
        }
    }

    /** A SQLite database that is not Uptime Kuma's (or a release too different) is named as such. */
    private static void checkColumns(Connection kuma, Path file) throws SQLException, SourceException {
        for (Map.Entry<String, List<String>> table : new TreeMap<>(COLUMNS).entrySet()) {
            Set<String> present = new HashSet<>();
            try (PreparedStatement p = kuma.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
                p.setString(1, table.getKey());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        present.add(r.getString(1));
                    }
                }
            }
            for (String column : table.getValue()) {
                if (!present.contains(column)) {
                    throw new SourceException(file, 0, table.getKey() + "." + column,
                            Messages.get("heartbeat.kuma_not_kuma", table.getKey() + "." + column));
                }
            }
        }
    }

    /** Kuma writes UTC as {@code 2023-10-01 06:05:00.123}; an offset, if some release writes one, is honoured. */
    static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String iso = text.strip().replace(' ', 'T');
        try {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
