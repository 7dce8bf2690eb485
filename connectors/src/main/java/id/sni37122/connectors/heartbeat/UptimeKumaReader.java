package id.sni37122.connectors.heartbeat;

import id.sni37122.connectors.FileLoad;
import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.SqlResource;
import id.sni37122.connectors.Warehouse;
import id.sni37122.connectors.table.PlausibleTime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sqlite.SQLiteException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an Uptime Kuma database: a SQLite {@code kuma.db} (through a private copy,
 * {@link SqliteSnapshot}) or, for Kuma 2.x, its MariaDB database. The release is told from the
 * tables themselves: 2.x has {@code stat_daily} (Kuma's {@code db/knex_migrations}). Statuses
 * are Kuma's: 0 down, 1 up, 2 pending, 3 maintenance; times are UTC text.
 *
 * <p>History accumulates: only heartbeats later than those of the same monitor already in the
 * warehouse are added, so what Kuma has pruned since (1.23 keeps 180 days, 2.x keeps the
 * non-important heartbeats 24 hours; {@code server/jobs/clear-old-data.js}) stays. Kuma 2.x's
 * {@code stat_daily} and {@code stat_hourly} rows say which days and hours it was watching after
 * the raw heartbeats are gone.
 */
final class UptimeKumaReader {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String[] STATUS = {"down", "up", "pending", "maintenance"};
    /** The columns read, table by table: all in every Uptime Kuma release since 1.0. */
    private static final Map<String, List<String>> COLUMNS = new TreeMap<>(Map.of(
            "monitor", List.of("id", "name", "interval"),
            "heartbeat", List.of("id", "monitor_id", "status", "time")));
    private static final DateTimeFormatter KUMA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Kuma's own defaults for keepDataPeriodDays when the setting was never written. */
    private static final int KEEP_DAYS_1 = 180;
    private static final int KEEP_DAYS_2 = 365;
    /** Kuma 2.x: clearHeartbeatData() keeps non-important heartbeats this long (server/database.js). */
    private static final int RAW_HOURS_2 = 24;

    private record Monitor(int id, String key, String name, Integer interval) {
    }

    private UptimeKumaReader() {
    }

    /** A SQLite kuma.db file. */
    static Map<String, Object> load(LoadContext ctx, HeartbeatWriter out, long[] read, List<String> notes)
            throws IOException, SQLException, SourceException {
        Path file = ctx.file();
        if (!isSqlite(file)) {
            throw new SourceException(file, Messages.get("heartbeat.not_sqlite"));
        }
        try (SqliteSnapshot kuma = SqliteSnapshot.of(file)) {
            return load(ctx, kuma.connection(), out, read, notes);
        } catch (SQLiteException e) {
            // The warehouse's own errors are not the source's fault and pass on unchanged.
            throw new SourceException(file, 0, null, Messages.get("heartbeat.kuma_unreadable", e.getMessage()), e);
        }
    }

    /** Kuma 2.x's MariaDB database ({@code url:}), read in one read-only transaction. */
    static Map<String, Object> loadMariaDb(LoadContext ctx, HeartbeatWriter out, long[] read, List<String> notes)
            throws SQLException, SourceException {
        Connection kuma = KumaMariaDb.open(ctx.spec());
        try {
            return load(ctx, kuma, out, read, notes);
        } catch (SQLException e) {
            // The warehouse's own errors are not the source's fault and pass on unchanged.
            if (KumaMariaDb.fromDriver(e)) {
                throw KumaMariaDb.readFailed(ctx.spec(), e);
            }
            throw e;
        } finally {
            KumaMariaDb.close(kuma);
        }
    }

    /** Any Kuma database already open (the SQLite copy, or MariaDB). */
    static Map<String, Object> load(LoadContext ctx, Connection kuma, HeartbeatWriter out, long[] read, List<String> notes)
            throws SQLException, SourceException {
        Set<String> tables = tables(kuma);
        checkColumns(kuma, tables, ctx.file());
        int version = tables.contains("stat_daily") ? 2 : 1;
        Integer keepDays = keepDays(kuma, tables, version);
        Map<Integer, Monitor> monitors = monitors(kuma, columns(kuma, "monitor").contains("created_date"));
        boolean hasImportant = columns(kuma, "heartbeat").contains("important");
        KumaHistory history = new KumaHistory(ctx, kuma, tables);
        if (ctx.file() != null) {
            history.rekeyByName(monitors.values().stream().map(m -> new KumaHistory.Monitor(m.id(), m.key(), m.name())).toList(), notes);
        }
        long kept = ctx.rereading().isEmpty() ? 0
                : history.forgetWhatIsHeld(monitors.values().stream().map(m -> new KumaHistory.Monitor(m.id(), m.key(), m.name())).toList());
        Map<String, LocalDateTime> loaded = watermarks(ctx.connection(), ctx.city().code(),
                "SELECT monitor_key, max(ts) FROM heartbeat WHERE city = ? AND monitor_key LIKE 'uptime-kuma:%' GROUP BY monitor_key");
        Map<String, Long> byStatus = new TreeMap<>();
        long known = 0;
        Set<Integer> seen = new TreeSet<>();
        try (KumaStage stage = new KumaStage(ctx, monitors.values().stream()
                .map(m -> new KumaStage.Monitor(m.id(), m.key(), m.name(), m.interval())).toList())) {
            if (loaded.isEmpty()) {
                // A first read: one scan in the table's own order, much faster than monitor by monitor
                // through the time index; heartbeats of a monitor no longer there are a damaged copy
                // (Kuma deletes them with their monitor).
                try (PreparedStatement p = kuma.prepareStatement("SELECT id, monitor_id, status, time"
                        + (hasImportant ? ", important" : "") + " FROM heartbeat ORDER BY id");
                     ResultSet r = fetched(p).executeQuery()) {
                    while (r.next()) {
                        read[0]++;
                        if (!monitors.containsKey(r.getInt(2))) {
                            ctx.rejects().reject(r.getLong(1), "heartbeat.monitor_id", "heartbeat.kuma_no_monitor", r.getString(2));
                        } else if (beat(ctx, r, hasImportant, Long.MIN_VALUE, stage, byStatus) != null) {
                            seen.add(r.getInt(2));
                        }
                    }
                }
            }
            for (Monitor m : loaded.isEmpty() ? List.<Monitor>of() : monitors.values()) {
                LocalDateTime after = loaded.get(m.key());
                String sql = "SELECT id, monitor_id, status, time" + (hasImportant ? ", important" : "") + " FROM heartbeat WHERE monitor_id = ?"
                        + (after == null ? "" : " AND time >= ?") + " ORDER BY time, id";
                long afterMillis = after == null ? Long.MIN_VALUE : after.toInstant(ZoneOffset.UTC).toEpochMilli();
                try (PreparedStatement p = fetched(kuma.prepareStatement(sql))) {
                    p.setInt(1, m.id());
                    if (after != null) {
                        // Text comparison on Kuma's own format, a second early: the exact cut is made in beat().
                        p.setString(2, KUMA_TIME.format(after.minusSeconds(1)));
                    }
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            Boolean fresh = beat(ctx, r, hasImportant, afterMillis, stage, byStatus);
                            if (fresh == Boolean.FALSE) {
                                known++;
                                continue;
                            }
                            read[0]++;
                            if (fresh != null) {
                                seen.add(m.id());
                            }
                        }
                    }
                }
            }
            out.added(stage.finish());
        }
        long buckets = version == 2 ? stats(ctx, kuma, tables, monitors) : 0;
        out.source("uptime-kuma-" + version, keepDays, version == 2 ? RAW_HOURS_2 : null, null, latest(kuma));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kuma_version", version == 2 ? "2.x" : "1.x");
        details.put("keep_days", keepDays);
        details.putAll(byStatus);
        details.put("monitors", seen.size());
        details.put("already_loaded", known);
        if (!ctx.rereading().isEmpty()) {
            details.put(FileLoad.KEPT_FROM_EARLIER, kept);
        }
        if (version == 2) {
            details.put("stat_rows", buckets);
        }
        return details;
    }

    /** A statement whose rows arrive a batch at a time: MariaDB's driver would otherwise hold a year of heartbeats at once. */
    private static PreparedStatement fetched(PreparedStatement p) throws SQLException {
        p.setFetchSize(KumaMariaDb.FETCH_ROWS);
        return p;
    }

    /**
     * The database's own "now": its latest heartbeat. Kuma pruned it as of then, whether it is read
     * live or as last night's copy.
     */
    private static Instant latest(Connection kuma) throws SQLException {
        try (PreparedStatement p = kuma.prepareStatement("SELECT max(time) FROM heartbeat"); ResultSet r = p.executeQuery()) {
            Instant t = r.next() ? time(r.getString(1)) : null;
            return t == null ? Instant.now() : t;
        }
    }

    /**
     * One heartbeat of the result set (id, monitor_id, status, time[, important]) into the stage:
     * TRUE when staged, FALSE when not later than {@code afterMillis} (already in the warehouse),
     * null when rejected.
     */
    private static Boolean beat(LoadContext ctx, ResultSet r, boolean hasImportant, long afterMillis, KumaStage stage,
                                Map<String, Long> byStatus) throws SQLException {
        long id = r.getLong(1);
        String text = r.getString(4);
        long millis = KumaTime.epochMillis(text);
        if (millis != Long.MIN_VALUE && millis <= afterMillis) {
            return Boolean.FALSE;
        }
        int code = r.getInt(3);
        if (r.wasNull() || code < 0 || code >= STATUS.length) {
            ctx.rejects().reject(id, "heartbeat.status", "heartbeat.kuma_bad_status", r.getString(3));
            return null;
        }
        if (millis == Long.MIN_VALUE) {
            ctx.rejects().reject(id, "heartbeat.time", "heartbeat.kuma_bad_time", text);
            return null;
        }
        if (!PlausibleTime.ok(Instant.ofEpochMilli(millis))) {
            ctx.rejects().reject(id, "heartbeat.time", "connectors.date_out_of_range", text);
            return null;
        }
        stage.add(id, r.getInt(2), millis, code, hasImportant ? r.getBoolean(5) : null);
        byStatus.merge(STATUS[code], 1L, Long::sum);
        return Boolean.TRUE;
    }

    /**
     * Kuma 2.x's stat_daily (one row per monitor and UTC day, {@code timestamp} its start in unix
     * seconds) and stat_hourly; maintenance beats are counted in {@code extras}. Rows from the last
     * one already in the warehouse on are added (that one again, as its counts may have grown).
     */
    private static long stats(LoadContext ctx, Connection kuma, Set<String> tables, Map<Integer, Monitor> monitors) throws SQLException {
        Map<String, LocalDateTime> loaded = watermarks(ctx.connection(), ctx.city().code(),
                "SELECT monitor_key || '/' || hours, max(starts_at) FROM heartbeat_bucket WHERE city = ? GROUP BY monitor_key, hours");
        long rows = 0;
        try (PreparedStatement insert = ctx.connection().prepareStatement(
                "INSERT INTO heartbeat_bucket VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Integer> table : Map.of("stat_daily", 24, "stat_hourly", 1).entrySet()) {
                if (!tables.contains(table.getKey())) {
                    continue;
                }
                try (PreparedStatement p = kuma.prepareStatement(
                        "SELECT monitor_id, `timestamp`, up, down, extras FROM " + table.getKey() + " ORDER BY monitor_id, `timestamp`");
                     ResultSet r = fetched(p).executeQuery()) {
                    while (r.next()) {
                        Monitor m = monitors.get(r.getInt(1));
                        if (m == null) {
                            continue;
                        }
                        LocalDateTime start = LocalDateTime.ofEpochSecond(r.getLong(2), 0, ZoneOffset.UTC);
                        LocalDateTime after = loaded.get(m.key() + "/" + table.getValue());
                        if (after != null && start.isBefore(after)) {
                            continue;
                        }
                        insert.setString(1, ctx.city().code());
                        insert.setLong(2, ctx.fileId());
                        insert.setString(3, m.key());
                        insert.setString(4, m.name());
                        insert.setObject(5, start);
                        insert.setInt(6, table.getValue());
                        insert.setLong(7, r.getLong(3));
                        insert.setLong(8, r.getLong(4));
                        insert.setLong(9, maintenance(r.getString(5)));
                        insert.addBatch();
                        rows++;
                    }
                }
            }
            insert.executeBatch();
        }
        return rows;
    }

    /** The maintenance count Kuma keeps in a stat row's extras JSON ({@code {"maintenance":3}}), else 0. */
    private static long maintenance(String extras) {
        if (extras == null || extras.isBlank()) {
            return 0;
        }
        try {
            JsonNode n = JSON.readTree(extras).path("maintenance");
            return n.isNumber() ? n.asLong() : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** keepDataPeriodDays as Kuma reads it (a JSON-encoded number in setting.value), else Kuma's default. */
    private static Integer keepDays(Connection kuma, Set<String> tables, int version) throws SQLException {
        int fallback = version == 2 ? KEEP_DAYS_2 : KEEP_DAYS_1;
        if (!tables.contains("setting")) {
            return fallback;
        }
        try (PreparedStatement p = kuma.prepareStatement("SELECT `value` FROM setting WHERE `key` = 'keepDataPeriodDays'");
             ResultSet r = p.executeQuery()) {
            if (!r.next() || r.getString(1) == null) {
                return fallback;
            }
            String v = r.getString(1).strip().replace("\"", "");
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                return fallback; // Kuma resets an unparsable value to its default
            }
        }
    }

    private static Map<Integer, Monitor> monitors(Connection kuma, boolean created) throws SQLException {
        Map<Integer, Monitor> monitors = new TreeMap<>();
        try (PreparedStatement p = kuma.prepareStatement("SELECT id, name, `interval`" + (created ? ", created_date" : "") + " FROM monitor");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                int id = r.getInt(1);
                String name = r.getString(2) == null || r.getString(2).isBlank() ? "#" + id : r.getString(2).strip();
                int interval = r.getInt(3);
                Instant since = created ? time(r.getString(4)) : null;
                // The id names the monitor; its creation time tells two Kuma installations' monitor 1 apart.
                String key = "uptime-kuma:" + id + (since == null ? "" : "@" + since.getEpochSecond());
                monitors.put(id, new Monitor(id, key, name, r.wasNull() || interval <= 0 ? null : interval));
            }
        }
        return monitors;
    }

    private static Map<String, LocalDateTime> watermarks(Connection warehouse, String city, String sql) throws SQLException {
        Map<String, LocalDateTime> out = new HashMap<>();
        try (PreparedStatement p = warehouse.prepareStatement(sql)) {
            p.setString(1, city);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getObject(2, LocalDateTime.class));
                }
            }
        }
        return out;
    }

    private static boolean isSqlite(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
        }
    }

    private static Set<String> tables(Connection kuma) throws SQLException {
        Set<String> tables = new TreeSet<>();
        DatabaseMetaData meta = kuma.getMetaData();
        try (ResultSet r = meta.getTables(kuma.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                tables.add(r.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    private static Set<String> columns(Connection kuma, String table) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (ResultSet r = kuma.getMetaData().getColumns(kuma.getCatalog(), null, table, "%")) {
            while (r.next()) {
                columns.add(r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /** A database that is not Uptime Kuma's (or a release too different) is named as such. */
    private static void checkColumns(Connection kuma, Set<String> tables, Path file) throws SQLException, SourceException {
        for (Map.Entry<String, List<String>> table : COLUMNS.entrySet()) {
            Set<String> present = tables.contains(table.getKey()) ? columns(kuma, table.getKey()) : Set.of();
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
        long millis = KumaTime.epochMillis(text);
        return millis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(millis);
    }

    /** {@link #time} for what the fast path does not take: other separators, an offset. */
    static Instant parsedTime(String text) {
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
