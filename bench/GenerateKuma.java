import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes an Uptime Kuma 1.23-style kuma.db holding a year of raw heartbeats (keepDataPeriodDays 0,
 * so Kuma deleted none): MONITORS monitors checked every 60 s through 2025 (UTC), each failing for a
 * few minutes now and then (PENDING once, then DOWN, as with one retry), one maintenance window a
 * month, and Kuma itself stopped for two hours in June. Seeded. Run with sqlite-jdbc on the class
 * path: java -cp cli/target/sni37122.jar bench/GenerateKuma.java OUT.db [MONITORS]
 * The tables are those of connectors' uptime-kuma-tables.sql (Kuma's own, trimmed).
 */
public class GenerateKuma {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int monitors = args.length > 1 ? Integer.parseInt(args[1]) : 13;
        Files.deleteIfExists(file);
        String schema = Files.readString(Path.of("connectors/src/main/resources/id/sni37122/connectors/heartbeat/uptime-kuma-tables.sql"));
        DateTimeFormatter kuma = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
        Random random = new Random(37122);
        long from = Instant.parse("2024-12-31T16:00:00Z").getEpochSecond();
        long to = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        long stopFrom = Instant.parse("2025-06-15T02:00:00Z").getEpochSecond();
        long stopTo = Instant.parse("2025-06-15T04:00:00Z").getEpochSecond();
        long beats = 0;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()); Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode = OFF");
            s.execute("PRAGMA synchronous = OFF");
            for (String statement : schema.replaceAll("(?m)--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            s.execute("INSERT INTO setting (key, value, type) VALUES ('keepDataPeriodDays', '0', 'general')");
            db.setAutoCommit(false);
            try (PreparedStatement m = db.prepareStatement("INSERT INTO monitor (id, name, type, url, interval, maxretries) VALUES (?, ?, 'http', ?, 60, 1)");
                 PreparedStatement h = db.prepareStatement("INSERT INTO heartbeat (important, monitor_id, status, msg, time, ping, duration) "
                         + "VALUES (?, ?, ?, ?, ?, ?, 60)")) {
                for (int id = 1; id <= monitors; id++) {
                    m.setInt(1, id);
                    m.setString(2, "Layanan " + id);
                    m.setString(3, "https://layanan-" + id + ".kota.go.id");
                    m.executeUpdate();
                    int previous = -1;
                    int failing = 0;
                    for (long t = from; t < to; t += 60) {
                        if (t >= stopFrom && t < stopTo) {
                            continue;
                        }
                        long day = (t - from) / 86400;
                        boolean maintenance = day % 30 == 10 && (t - from) % 86400 < 3600;
                        int status;
                        if (maintenance) {
                            status = 3;
                        } else if (failing > 0) {
                            status = failing-- == 1 && random.nextBoolean() ? 1 : 0;
                        } else if (random.nextInt(20000) == 0) {
                            failing = 2 + random.nextInt(30);
                            status = 2;
                        } else {
                            status = 1;
                        }
                        boolean important = previous < 0 || previous != status && status != 2 && !(previous == 2 && status == 1);
                        h.setBoolean(1, important);
                        h.setInt(2, id);
                        h.setInt(3, status);
                        h.setString(4, status == 1 ? "200 - OK" : status == 3 ? "Monitor under maintenance" : "connect ETIMEDOUT");
                        h.setString(5, kuma.format(Instant.ofEpochSecond(t, random.nextInt(1000) * 1_000_000L)));
                        h.setObject(6, status == 1 ? 40 + random.nextInt(300) : null);
                        h.addBatch();
                        previous = status;
                        if (++beats % 100_000 == 0) {
                            h.executeBatch();
                        }
                    }
                }
                h.executeBatch();
            }
            db.commit();
        }
        System.out.println(beats + " heartbeats in " + file);
    }
}
