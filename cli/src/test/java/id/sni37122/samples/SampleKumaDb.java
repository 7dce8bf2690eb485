package id.sni37122.samples;

import id.sni37122.connectors.SqlResource;
import id.sni37122.connectors.heartbeat.HeartbeatConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes Samarinda's sample Uptime Kuma database ({@code kuma.db}) as Kuma 2.x holds it at the
 * end of 2023 (local time) for three Diskominfo services: a year of heartbeats written the way
 * Kuma writes them, then pruned the way Kuma prunes them ({@code Database.clearHeartbeatData()}:
 * the non-important heartbeats older than 24 hours go, except each monitor's last 100;
 * {@code stat_hourly} is kept 30 days). What is left for the year is each status change, the last
 * day of checks, and {@code stat_daily}; Diskominfo set {@code keepDataPeriodDays} to 730, so
 * Kuma's 365-day default deleted nothing of 2023. In it: a planned maintenance window on the city
 * website (Sunday 31 December, 01:00-03:00), short outages each announced by a PENDING retry, and
 * six hours on 28 December when Kuma itself was down for an upgrade, so every monitor has a data
 * gap. Seeded, and vacuumed so the file is the same bytes every time (for one sqlite-jdbc version:
 * SQLite records its version in the file header).
 */
final class SampleKumaDb {

    private static final DateTimeFormatter KUMA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final LocalDateTime FROM = LocalDateTime.of(2023, 1, 1, 0, 0);
    private static final LocalDateTime TO = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final LocalDateTime KUMA_DOWN = LocalDateTime.of(2023, 12, 28, 13, 0);
    private static final LocalDateTime KUMA_UP = LocalDateTime.of(2023, 12, 28, 19, 0);
    private static final LocalDateTime MAINTENANCE = LocalDateTime.of(2023, 12, 31, 1, 0);
    private static final LocalDateTime MAINTENANCE_END = LocalDateTime.of(2023, 12, 31, 3, 0);

    /** id, name, type, url or host, interval in seconds; intervals are long to keep the sample small. */
    private static final Object[][] MONITORS = {
            {1, "Website Pemkot Samarinda", "http", "https://samarindakota.go.id", 900},
            {2, "Samarinda Santer API", "http", "https://santer.samarindakota.go.id/api/health", 900},
            {3, "Server Email Diskominfo", "port", "mail.samarindakota.go.id", 1200}};

    private SampleKumaDb() {
    }

    static void write(Path file) throws IOException {
        Files.deleteIfExists(file);
        Random random = new Random(112);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement s = db.createStatement()) {
                for (String statement : SqlResource.statements(SqlResource.load(HeartbeatConnector.class, "uptime-kuma-tables.sql"))) {
                    s.execute(statement);
                }
                s.execute("INSERT INTO setting (key, value, type) VALUES ('keepDataPeriodDays', '730', 'general')");
            }
            db.setAutoCommit(false);
            try (PreparedStatement monitor = db.prepareStatement("INSERT INTO monitor (id, name, type, url, hostname, port, interval, "
                    + "retry_interval, maxretries, created_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, '2023-06-12 02:14:09')");
                 PreparedStatement beat = db.prepareStatement("INSERT INTO heartbeat (important, monitor_id, status, msg, time, ping, "
                         + "duration, down_count, end_time, retries) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?)")) {
                for (Object[] m : MONITORS) {
                    boolean http = m[2].equals("http");
                    monitor.setInt(1, (int) m[0]);
                    monitor.setString(2, (String) m[1]);
                    monitor.setString(3, (String) m[2]);
                    monitor.setString(4, http ? (String) m[3] : null);
                    monitor.setString(5, http ? null : (String) m[3]);
                    monitor.setObject(6, http ? null : 993);
                    monitor.setInt(7, (int) m[4]);
                    monitor.setInt(8, (int) m[4]); // one retry, after the usual interval: a PENDING beat before DOWN
                    monitor.executeUpdate();
                }
                // Heartbeats in time order across monitors, as Kuma writes them.
                LocalDateTime[] next = {FROM, FROM.plusSeconds(300), FROM.plusSeconds(600)};
                int[] downFor = new int[MONITORS.length];
                int[] last = {-1, -1, -1};
                int[] retries = new int[MONITORS.length];
                Map<String, long[]> stats = new TreeMap<>(); // "table monitor start" -> up, down, maintenance
                while (true) {
                    int i = next[0].isBefore(next[1]) ? 0 : 1;
                    i = next[i].isBefore(next[2]) ? i : 2;
                    LocalDateTime local = next[i];
                    if (!local.isBefore(TO)) {
                        break;
                    }
                    int interval = (int) MONITORS[i][4];
                    next[i] = local.plusSeconds(interval);
                    if (!local.isBefore(KUMA_DOWN) && local.isBefore(KUMA_UP)) {
                        continue; // Kuma itself was stopped: no heartbeats at all
                    }
                    int status;
                    if (i == 0 && !local.isBefore(MAINTENANCE) && local.isBefore(MAINTENANCE_END)) {
                        status = 3;
                    } else if (downFor[i] > 0) {
                        downFor[i]--;
                        status = 0;
                    } else if (random.nextInt(2000) == 0) {
                        downFor[i] = 1 + random.nextInt(4); // confirmed down after the retry, for one to four checks
                        status = 2;
                    } else {
                        status = 1;
                    }
                    boolean http = MONITORS[i][2].equals("http");
                    int ping = status == 1 ? (http ? 80 : 15) + random.nextInt(http ? 400 : 40) : 0;
                    retries[i] = status == 0 || status == 2 ? retries[i] + 1 : 0;
                    beat.setBoolean(1, last[i] < 0 || important(last[i], status));
                    beat.setInt(2, (int) MONITORS[i][0]);
                    beat.setInt(3, status);
                    beat.setString(4, switch (status) {
                        case 0 -> http ? "connect ETIMEDOUT" : "Connection failed";
                        case 1 -> http ? "200 - OK" : "";
                        case 2 -> http ? "timeout of 48000ms exceeded" : "Connection failed";
                        default -> "Monitor under maintenance";
                    });
                    LocalDateTime utc = local.atZone(WITA).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()
                            .plusNanos(random.nextInt(1000) * 1_000_000L);
                    beat.setString(5, KUMA_TIME.format(utc));
                    beat.setObject(6, status == 1 ? ping : null);
                    beat.setString(7, KUMA_TIME.format(utc)); // end_time: when the uptime calculator took the beat
                    beat.setInt(8, retries[i]);
                    beat.executeUpdate();
                    // UptimeCalculator.update(): up, down (pending counts as down), maintenance in extras; UTC buckets.
                    for (String table : new String[] {"stat_daily", "stat_hourly"}) {
                        LocalDateTime bucket = table.equals("stat_daily") ? utc.toLocalDate().atStartOfDay() : utc.withMinute(0).withSecond(0).withNano(0);
                        stats.computeIfAbsent(table + " " + MONITORS[i][0] + " " + bucket.toEpochSecond(ZoneOffset.UTC),
                                k -> new long[3])[status == 1 ? 0 : status == 3 ? 2 : 1]++;
                    }
                    last[i] = status;
                }
                try (PreparedStatement daily = db.prepareStatement("INSERT INTO stat_daily (monitor_id, timestamp, ping, up, down, extras) "
                        + "VALUES (?, ?, 0, ?, ?, ?)");
                     PreparedStatement hourly = db.prepareStatement("INSERT INTO stat_hourly (monitor_id, timestamp, ping, up, down, extras) "
                             + "VALUES (?, ?, 0, ?, ?, ?)")) {
                    for (Map.Entry<String, long[]> e : stats.entrySet()) {
                        String[] k = e.getKey().split(" ");
                        long[] n = e.getValue();
                        PreparedStatement p = k[0].equals("stat_daily") ? daily : hourly;
                        p.setInt(1, Integer.parseInt(k[1]));
                        p.setLong(2, Long.parseLong(k[2]));
                        p.setLong(3, n[0]);
                        p.setLong(4, n[1]);
                        p.setString(5, n[2] == 0 ? null : "{\"maintenance\":" + n[2] + "}");
                        p.executeUpdate();
                    }
                }
            }
            // Kuma's nightly pruning as of the year's end (its own statements, with the moment fixed).
            String end = KUMA_TIME.format(TO.atZone(WITA).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()).substring(0, 19);
            try (Statement s = db.createStatement()) {
                for (Object[] m : MONITORS) {
                    s.executeUpdate("DELETE FROM heartbeat WHERE monitor_id = " + m[0] + " AND important = 0 "
                            + "AND time < DATETIME('" + end + "', '-24 hours') AND id NOT IN (SELECT id FROM (SELECT id FROM heartbeat "
                            + "WHERE monitor_id = " + m[0] + " ORDER BY time DESC LIMIT 100) AS limited_ids)");
                }
                s.executeUpdate("DELETE FROM stat_hourly WHERE timestamp < unixepoch('" + end + "', '-30 days')");
            }
            db.commit();
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("VACUUM"); // rewrites every page in order: the file no longer depends on how it was filled
            }
        } catch (SQLException e) {
            throw new IOException("writing " + file + ": " + e.getMessage(), e);
        }
    }

    /** Monitor.isImportantBeat() for a beat that is not the monitor's first (0 down, 1 up, 2 pending, 3 maintenance). */
    private static boolean important(int previous, int current) {
        return previous == 0 && current == 3 || previous == 1 && current == 3 || previous == 3 && current == 0
                || previous == 3 && current == 1 || previous == 1 && current == 0 || previous == 0 && current == 1
                || previous == 2 && current == 0;
    }
}
