package id.sni37122.indicators;

import id.sni37122.connectors.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an Uptime Kuma database the way Kuma does, into a copy of a real empty Kuma database
 * ({@code ../shared/data/real/uptime-kuma/}: 1.23.17's schema, or 2.0.0's made by its knex
 * migrations), then prunes it the way Kuma does as of the moment it is read.
 *
 * <p>From louislam/uptime-kuma at 6398a9581 (and tag 1.23.17 where 1.23 differs):
 * <ul>
 *   <li>{@code server/model/monitor.js} {@code beat()}: a failing check is PENDING while
 *       {@code retries < maxretries}, then DOWN ({@code retries} goes on counting); an UP resets
 *       it; a monitor under maintenance is MAINTENANCE without a check; the next beat follows after
 *       {@code interval} (after a PENDING, {@code retryInterval}, which defaults to the interval);
 *       {@code time} is UTC {@code YYYY-MM-DD HH:mm:ss.SSS}; {@code isImportantBeat()} marks the
 *       first beat and every change between UP, DOWN and MAINTENANCE (PENDING to DOWN too, not UP to
 *       PENDING nor PENDING to UP); after a restart the previous beat is read back from the database,
 *       so the first beat after it is no "first beat". 1.23 writes {@code duration} as the seconds
 *       since the previous beat; 2.x writes {@code retries} and {@code end_time} (the time the
 *       uptime calculator was updated: the beat's own) and leaves {@code duration} 0.</li>
 *   <li>{@code server/uptime-calculator.js} (2.x): {@code stat_daily} and {@code stat_hourly}
 *       count each beat in its UTC day and hour ({@code timestamp}: the bucket's start, unix
 *       seconds): UP in {@code up}, DOWN and PENDING in {@code down} ({@code flatStatus}),
 *       MAINTENANCE in {@code extras} as {@code {"maintenance":n}}; stat_hourly is kept 30 days.</li>
 *   <li>Pruning: 2.x {@code Database.clearHeartbeatData()} deletes non-important heartbeats older
 *       than 24 hours except each monitor's last 100; {@code server/jobs/clear-old-data.js} deletes
 *       heartbeats older than {@code keepDataPeriodDays} (default 365; 1.23: 180) and stat_daily rows
 *       before the start of that day.</li>
 * </ul>
 * Kuma's stat_minutely (kept 24 hours) is not written: nothing here reads it.
 */
public final class KumaYear {

    public enum Release {
        V1_23("kuma-1.23.17-empty.db", 180), V2("kuma-2.0.0-empty.db", 365);

        final String schema;
        final int defaultKeepDays;

        Release(String schema, int defaultKeepDays) {
            this.schema = schema;
            this.defaultKeepDays = defaultKeepDays;
        }
    }

    private static final int DOWN = 0;
    private static final int UP = 1;
    private static final int PENDING = 2;
    private static final int MAINTENANCE = 3;
    private static final DateTimeFormatter KUMA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** SQLite's DATETIME('now', ...) text, as Kuma's pruning compares heartbeat.time with it. */
    private static final DateTimeFormatter SQLITE_NOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private record Window(Instant from, Instant to) {
        boolean contains(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    private static final class Monitor {
        final int id;
        final String name;
        final int maxRetries;
        final String created;
        final TreeMap<Instant, Integer> intervals = new TreeMap<>();
        final List<Window> failing = new ArrayList<>();
        final List<Window> maintenance = new ArrayList<>();

        Monitor(int id, String name, int interval, int maxRetries, String created) {
            this.id = id;
            this.name = name;
            this.maxRetries = maxRetries;
            this.created = created;
            intervals.put(Instant.EPOCH, interval);
        }

        int interval(Instant t) {
            return intervals.floorEntry(t).getValue();
        }
    }

    private final Release release;
    private final Map<Integer, Monitor> monitors = new TreeMap<>();
    private final List<Window> stopped = new ArrayList<>();
    private Integer keepDays;

    public KumaYear(Release release) {
        this.release = release;
    }

    /**
     * Kota Uji's year 2025 (WITA) as {@code KumaHistoryTest} lays it out and computes it by hand: three
     * monitors, two of one name, outages with PENDING retries, a maintenance window, an interval edited
     * in December and Kuma stopped for 48 hours in August.
     */
    public static KumaYear kotaUji(Release release) {
        return new KumaYear(release)
                .monitor(1, "Portal Satu Data", 900, 1)
                .monitor(2, "e-Office", 900, 0)
                .monitor(3, "Portal Satu Data", 900, 0)
                .interval(2, "2025-12-01T00:00:00Z", 60)
                .failing(1, "2025-03-10T02:00:00Z", "2025-03-10T04:00:00Z")
                .maintenance(1, "2025-06-01T01:00:00Z", "2025-06-01T03:00:00Z")
                .failing(1, "2025-11-20T10:00:00Z", "2025-11-20T11:30:00Z")
                .failing(2, "2025-12-05T06:00:00Z", "2025-12-05T07:00:00Z")
                .stopped("2025-08-10T00:00:00Z", "2025-08-12T00:00:00Z");
    }

    public KumaYear monitor(int id, String name, int intervalSeconds, int maxRetries) {
        monitors.put(id, new Monitor(id, name, intervalSeconds, maxRetries, "2024-06-12 02:14:0" + id));
        return this;
    }

    /** The monitor's interval edited at {@code from} (the monitor table then shows only the new one). */
    public KumaYear interval(int id, String from, int seconds) {
        monitors.get(id).intervals.put(Instant.parse(from), seconds);
        return this;
    }

    /** The monitored service fails its checks in [from, to). */
    public KumaYear failing(int id, String from, String to) {
        monitors.get(id).failing.add(new Window(Instant.parse(from), Instant.parse(to)));
        return this;
    }

    /** A maintenance window on the monitor in [from, to). */
    public KumaYear maintenance(int id, String from, String to) {
        monitors.get(id).maintenance.add(new Window(Instant.parse(from), Instant.parse(to)));
        return this;
    }

    /** Kuma itself not running in [from, to): no beats from any monitor; it starts again at {@code to}. */
    public KumaYear stopped(String from, String to) {
        stopped.add(new Window(Instant.parse(from), Instant.parse(to)));
        return this;
    }

    /** setting.keepDataPeriodDays as Kuma's settings page writes it; unset, Kuma uses (and writes) its default. */
    public KumaYear keepDays(int days) {
        keepDays = days;
        return this;
    }

    /** The database as it is at {@code now}: beats from {@code from} until then, pruned as Kuma had pruned it by then. */
    public Path write(Path file, String from, String now) throws Exception {
        Files.copy(SharedData.require("data/real/uptime-kuma/" + release.schema), file, StandardCopyOption.REPLACE_EXISTING);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            write(db, from, now);
        }
        return file;
    }

    /**
     * The same into a database that already holds Kuma's empty tables (Kuma 2.x on MariaDB). The SQL
     * is the same for SQLite and MariaDB: identifiers MariaDB reserves (key, interval) are quoted.
     */
    public void write(Connection db, String from, String now) throws Exception {
        Instant end = Instant.parse(now);
        int keep = keepDays == null ? release.defaultKeepDays : keepDays;
        db.setAutoCommit(false);
        try (PreparedStatement s = db.prepareStatement("INSERT INTO setting (`key`, value, type) VALUES ('keepDataPeriodDays', ?, 'general')")) {
            s.setString(1, String.valueOf(keep)); // Settings.set stores JSON.stringify(value)
            s.executeUpdate();
        }
        for (Monitor m : monitors.values()) {
            try (PreparedStatement s = db.prepareStatement("INSERT INTO monitor (id, name, type, url, `interval`, retry_interval, "
                    + "maxretries, created_date) VALUES (?, ?, 'http', ?, ?, ?, ?, ?)")) {
                s.setInt(1, m.id);
                s.setString(2, m.name);
                s.setString(3, "https://m" + m.id + ".kota.go.id");
                s.setInt(4, m.interval(end));
                s.setInt(5, m.interval(end));
                s.setInt(6, m.maxRetries);
                s.setString(7, m.created);
                s.executeUpdate();
            }
            beats(db, m, Instant.parse(from), end);
        }
        prune(db, end, keep);
        db.commit();
    }

    private void beats(Connection db, Monitor m, Instant from, Instant end) throws Exception {
        boolean v2 = release == Release.V2;
        String sql = v2
                ? "INSERT INTO heartbeat (important, monitor_id, status, msg, time, ping, duration, down_count, end_time, retries) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?)"
                : "INSERT INTO heartbeat (important, monitor_id, status, msg, time, ping, duration, down_count) VALUES (?, ?, ?, ?, ?, ?, ?, 0)";
        Map<String, long[]> buckets = new TreeMap<>(); // "daily/hourly:unix" -> up, down, maintenance
        try (PreparedStatement p = db.prepareStatement(sql)) {
            Instant t = from;
            Integer previous = null;
            Instant previousTime = null;
            int retries = 0;
            while (t.isBefore(end)) {
                Window stop = stopAt(t);
                if (stop != null) {
                    t = stop.to();
                    continue;
                }
                int status;
                Instant now = t;
                if (m.maintenance.stream().anyMatch(w -> w.contains(now))) {
                    status = MAINTENANCE;
                } else if (m.failing.stream().anyMatch(w -> w.contains(now))) {
                    if (m.maxRetries > 0 && retries < m.maxRetries) {
                        retries++;
                        status = PENDING;
                    } else {
                        retries++;
                        status = DOWN;
                    }
                } else {
                    retries = 0;
                    status = UP;
                }
                boolean important = previous == null || important(previous, status);
                p.setBoolean(1, important);
                p.setInt(2, m.id);
                p.setInt(3, status);
                p.setString(4, status == DOWN || status == PENDING ? "connect ETIMEDOUT" : status == MAINTENANCE ? "Monitor under maintenance" : "200 - OK");
                p.setString(5, KUMA_TIME.format(t));
                p.setObject(6, status == UP ? 42 : null);
                if (v2) {
                    p.setString(7, KUMA_TIME.format(t));
                    p.setInt(8, retries);
                } else {
                    p.setLong(7, previousTime == null ? 0 : Duration.between(previousTime, t).toSeconds());
                }
                p.addBatch();
                if (v2) {
                    count(buckets, "stat_daily", t.truncatedTo(ChronoUnit.DAYS), status);
                    count(buckets, "stat_hourly", t.truncatedTo(ChronoUnit.HOURS), status);
                }
                previous = status;
                previousTime = t;
                t = t.plusSeconds(m.interval(t)); // retryInterval defaults to the interval
            }
            p.executeBatch();
        }
        if (v2) {
            try (PreparedStatement daily = db.prepareStatement("INSERT INTO stat_daily (monitor_id, `timestamp`, ping, up, down, ping_min, ping_max, extras) "
                    + "VALUES (?, ?, 42, ?, ?, 42, 42, ?)");
                 PreparedStatement hourly = db.prepareStatement("INSERT INTO stat_hourly (monitor_id, `timestamp`, ping, up, down, ping_min, ping_max, extras) "
                         + "VALUES (?, ?, 42, ?, ?, 42, 42, ?)")) {
                for (Map.Entry<String, long[]> b : buckets.entrySet()) {
                    PreparedStatement p = b.getKey().startsWith("stat_daily") ? daily : hourly;
                    long[] n = b.getValue();
                    p.setInt(1, m.id);
                    p.setLong(2, Long.parseLong(b.getKey().substring(b.getKey().indexOf(':') + 1)));
                    p.setLong(3, n[0]);
                    p.setLong(4, n[1]);
                    p.setString(5, n[2] == 0 ? null : "{\"maintenance\":" + n[2] + "}");
                    p.addBatch();
                }
                daily.executeBatch();
                hourly.executeBatch();
            }
        }
    }

    private Window stopAt(Instant t) {
        return stopped.stream().filter(w -> w.contains(t)).findFirst().orElse(null);
    }

    private static void count(Map<String, long[]> buckets, String table, Instant start, int status) {
        long[] n = buckets.computeIfAbsent(table + ":" + start.getEpochSecond(), k -> new long[3]);
        n[status == UP ? 0 : status == MAINTENANCE ? 2 : 1]++;
    }

    /** Monitor.isImportantBeat() for a beat that is not the monitor's first. */
    private static boolean important(int previous, int current) {
        return previous == DOWN && current == MAINTENANCE
                || previous == UP && current == MAINTENANCE
                || previous == MAINTENANCE && current == DOWN
                || previous == MAINTENANCE && current == UP
                || previous == UP && current == DOWN
                || previous == DOWN && current == UP
                || previous == PENDING && current == DOWN;
    }

    /** Kuma's own DELETE statements, with DATETIME('now') as of {@code now}. */
    private void prune(Connection db, Instant now, int keep) throws Exception {
        try (Statement s = db.createStatement()) {
            if (release == Release.V2) {
                String dayAgo = SQLITE_NOW.format(now.minus(24, ChronoUnit.HOURS));
                for (int id : monitors.keySet()) {
                    s.executeUpdate("DELETE FROM heartbeat WHERE monitor_id = " + id + " AND important = 0 AND time < '" + dayAgo + "' "
                            + "AND id NOT IN (SELECT id FROM (SELECT id FROM heartbeat WHERE monitor_id = " + id
                            + " ORDER BY time DESC LIMIT 100) AS limited_ids)");
                }
                long hourlyKept = now.minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).getEpochSecond();
                s.executeUpdate("DELETE FROM stat_hourly WHERE `timestamp` < " + hourlyKept);
            }
            if (keep >= 1) {
                s.executeUpdate("DELETE FROM heartbeat WHERE time < '" + SQLITE_NOW.format(now.minus(keep * 24L, ChronoUnit.HOURS)) + "'");
                if (release == Release.V2) {
                    long dailyKept = now.minus(keep, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).getEpochSecond();
                    s.executeUpdate("DELETE FROM stat_daily WHERE `timestamp` < " + dailyKept);
                }
            }
        }
    }
}
