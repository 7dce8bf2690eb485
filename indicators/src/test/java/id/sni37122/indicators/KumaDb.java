package id.sni37122.indicators;

import id.sni37122.connectors.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * An Uptime Kuma database ({@code kuma.db}): a copy of Kuma 1.23.17's real empty database
 * ({@code ../shared/data/real/uptime-kuma/}), with heartbeats written as the test lays them out.
 */
final class KumaDb implements AutoCloseable {

    private static final DateTimeFormatter KUMA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Connection sqlite;

    KumaDb(Path file) throws Exception {
        Files.copy(SharedData.require("data/real/uptime-kuma/kuma-1.23.17-empty.db"), file, StandardCopyOption.REPLACE_EXISTING);
        sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    KumaDb monitor(int id, String name, int intervalSeconds) throws Exception {
        try (PreparedStatement p = sqlite.prepareStatement("INSERT INTO monitor (id, name, interval, type, url) VALUES (?, ?, ?, 'http', ?)")) {
            p.setInt(1, id);
            p.setString(2, name);
            p.setInt(3, intervalSeconds);
            p.setString(4, "https://" + name.toLowerCase().replaceAll("[^a-z]", "") + ".kota.go.id");
            p.executeUpdate();
        }
        return this;
    }

    /**
     * Heartbeats of one monitor, one per character of {@code pattern} every {@code stepSeconds}
     * from {@code utcStart}: U up, D down, P pending, M maintenance, and '.' for no heartbeat.
     */
    KumaDb beats(int monitorId, String utcStart, int stepSeconds, String pattern) throws Exception {
        LocalDateTime t = LocalDateTime.parse(utcStart.replace(' ', 'T'));
        try (PreparedStatement p = sqlite.prepareStatement("INSERT INTO heartbeat (monitor_id, status, time, msg, ping) VALUES (?, ?, ?, ?, ?)")) {
            for (char c : pattern.toCharArray()) {
                if (c != '.') {
                    int status = "DUPM".indexOf(c);
                    if (status < 0) {
                        throw new IllegalArgumentException("pattern letter " + c);
                    }
                    p.setInt(1, monitorId);
                    p.setInt(2, status);
                    p.setString(3, KUMA_TIME.format(t));
                    p.setString(4, status == 0 ? "connect ETIMEDOUT" : null);
                    p.setObject(5, status == 1 ? 42 : null);
                    p.executeUpdate();
                }
                t = t.plusSeconds(stepSeconds);
            }
        }
        return this;
    }

    @Override
    public void close() throws Exception {
        sqlite.close();
    }
}
