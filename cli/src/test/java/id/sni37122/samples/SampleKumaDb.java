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
import java.util.Random;

/**
 * Writes Samarinda's sample Uptime Kuma database ({@code kuma.db}): Kuma's own tables, holding
 * the last six days of 2023, local time, for three Diskominfo services (Kuma keeps heartbeats for
 * a configurable number of days). In it: a planned maintenance window on the city website (Sunday
 * 31 December, 01:00-03:00), short outages each announced by a PENDING retry, and six hours on
 * 28 December when Kuma itself was down for an upgrade, so every monitor has a data gap. Seeded,
 * and vacuumed so the file is the same bytes every time (for one sqlite-jdbc version: SQLite
 * records its version in the file header).
 */
final class SampleKumaDb {

    private static final DateTimeFormatter KUMA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final LocalDateTime FROM = LocalDateTime.of(2023, 12, 26, 0, 0);
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
            }
            db.setAutoCommit(false);
            try (PreparedStatement monitor = db.prepareStatement("INSERT INTO monitor (id, name, type, url, hostname, port, interval, "
                    + "retry_interval, maxretries, created_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, '2023-06-12 02:14:09')");
                 PreparedStatement beat = db.prepareStatement("INSERT INTO heartbeat (important, monitor_id, status, msg, time, ping, "
                         + "duration, down_count) VALUES (?, ?, ?, ?, ?, ?, ?, 0)")) {
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
                LocalDateTime[] previous = new LocalDateTime[MONITORS.length];
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
                    } else if (random.nextInt(160) == 0) {
                        downFor[i] = 1 + random.nextInt(4); // confirmed down after the retry, for one to four checks
                        status = 2;
                    } else {
                        status = 1;
                    }
                    boolean http = MONITORS[i][2].equals("http");
                    int ping = status == 1 ? (http ? 80 : 15) + random.nextInt(http ? 400 : 40) : 0;
                    beat.setBoolean(1, status != last[i] && status != 2); // Kuma marks changes of state important
                    beat.setInt(2, (int) MONITORS[i][0]);
                    beat.setInt(3, status);
                    beat.setString(4, switch (status) {
                        case 0 -> http ? "connect ETIMEDOUT" : "Connection failed";
                        case 1 -> http ? "200 - OK" : "";
                        case 2 -> http ? "timeout of 48000ms exceeded" : "Connection failed";
                        default -> "Monitor under maintenance";
                    });
                    beat.setString(5, KUMA_TIME.format(local.atZone(WITA).withZoneSameInstant(ZoneOffset.UTC).plusNanos(
                            random.nextInt(1000) * 1_000_000L)));
                    beat.setObject(6, status == 1 ? ping : null);
                    beat.setLong(7, previous[i] == null ? 0 : java.time.Duration.between(previous[i], local).toSeconds());
                    beat.executeUpdate();
                    last[i] = status;
                    previous[i] = local;
                }
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
}
