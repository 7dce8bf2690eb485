package id.sni37122.connectors.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.Hashes;
import id.sni37122.connectors.Ingestor;
import id.sni37122.connectors.SharedData;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor formats other than the native CSV: Uptime Kuma's SQLite database and Prometheus JSON. */
class HeartbeatSourcesTest {

    private static final CityContext CITY = new CityContext("uji", "Kota Uji", ZoneId.of("Asia/Makassar"));

    @TempDir
    Path dir;
    Warehouse warehouse;

    @BeforeEach
    void open() throws Exception {
        warehouse = Warehouse.inMemory();
    }

    @AfterEach
    void close() throws Exception {
        warehouse.close();
    }

    private FileOutcome load(String name, String format) throws Exception {
        SourceSpec spec = new SourceSpec("heartbeats", name, dir, format, null, Map.of(), Map.of());
        return new Ingestor(warehouse, CITY, Map.of(), new byte[32]).ingest(List.of(spec), null).files().get(0);
    }

    /** The heartbeat rows as "line monitor ts status interval", in line and time order. */
    private List<String> rows() throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = warehouse.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT line, monitor, strftime(ts, '%Y-%m-%d %H:%M:%S'), status, interval_s "
                     + "FROM heartbeat ORDER BY line, ts, monitor")) {
            while (r.next()) {
                out.add(r.getLong(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4) + " " + r.getObject(5));
            }
        }
        return out;
    }

    private List<String> rejects() throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = warehouse.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT line, col, reason FROM rejected_row ORDER BY line, col")) {
            while (r.next()) {
                out.add(r.getLong(1) + " " + r.getString(2) + " " + r.getString(3));
            }
        }
        return out;
    }

    /**
     * A copy of Uptime Kuma 1.23.17's real empty database ({@code ../shared/data/real/uptime-kuma/}) in the
     * journal mode given, with two monitors and the heartbeats given as {@code (monitor_id, status, time)}.
     */
    private Path kuma(String journalMode, String... heartbeats) throws Exception {
        Path file = dir.resolve("kuma.db");
        Files.copy(SharedData.require("data/real/uptime-kuma/kuma-1.23.17-empty.db"), file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = " + journalMode);
            s.execute("INSERT INTO monitor (id, name, interval) VALUES (1, 'Portal Satu Data', 60), (2, 'e-Office', 300)");
            for (String values : heartbeats) {
                s.execute("INSERT INTO heartbeat (monitor_id, status, time) VALUES " + values);
            }
        }
        return file;
    }

    @Test
    void kumaStatusesAndIntervalsLoadAndBadHeartbeatsAreRejectedByTheirId() throws Exception {
        kuma("DELETE",
                "(1, 1, '2023-10-01 00:00:00.123')",   // id 1: up, with milliseconds
                "(1, 0, '2023-10-01 00:01:00')",       // id 2: down
                "(1, 2, '2023-10-01 00:02:00')",       // id 3: pending
                "(2, 3, '2023-10-01 00:05:00')",       // id 4: maintenance, e-Office checks every 300 s
                "(2, 7, '2023-10-01 00:10:00')",       // id 5: no such status
                "(2, 1, 'kemarin')",                   // id 6: unreadable time
                "(9, 1, '2023-10-01 00:12:00')",       // id 7: monitor 9 is gone
                "(1, 1, '1970-01-01 00:00:00')");      // id 8: an empty clock
        FileOutcome out = load("kuma.db", null);
        assertThat(out.format()).isEqualTo("uptime-kuma"); // by the .db extension
        assertThat(out.status()).as(String.valueOf(out.error())).isEqualTo(FileOutcome.Status.LOADED);
        assertThat(out.rowsRead()).isEqualTo(8);
        assertThat(out.rowsLoaded()).isEqualTo(4);
        // Times are UTC in Kuma and stay UTC in the warehouse.
        assertThat(rows()).containsExactly(
                "1 Portal Satu Data 2023-10-01 00:00:00 up 60",
                "2 Portal Satu Data 2023-10-01 00:01:00 down 60",
                "3 Portal Satu Data 2023-10-01 00:02:00 pending 60",
                "4 e-Office 2023-10-01 00:05:00 maintenance 300");
        assertThat(rejects()).containsExactly(
                "5 heartbeat.status heartbeat.kuma_bad_status",
                "6 heartbeat.time heartbeat.kuma_bad_time",
                "7 heartbeat.monitor_id heartbeat.kuma_no_monitor",
                "8 heartbeat.time connectors.date_out_of_range");
        assertThat(out.details()).containsEntry("monitors", 2).containsEntry("maintenance", 1L).containsEntry("pending", 1L);
    }

    @Test
    void aKumaCopyInWalModeIsReadWithoutWritingBesideIt() throws Exception {
        Path file = kuma("WAL", "(1, 0, '2023-10-01 00:00:00')", "(1, 1, '2023-10-01 00:03:00')");
        String before = Hashes.sha256(file);
        FileOutcome out = load("kuma.db", "uptime-kuma");
        assertThat(out.rowsLoaded()).as(String.valueOf(out.error())).isEqualTo(2);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("kuma.db"); // no -wal, no -shm
        }
        assertThat(Hashes.sha256(file)).isEqualTo(before);
    }

    @Test
    void aLiveKumaDatabaseIsReadWithItsWriteAheadLog() throws Exception {
        Path file = kuma("WAL", "(1, 0, '2023-10-01 00:00:00')");
        // Kuma still running: its latest heartbeat is only in kuma.db-wal, not yet in the file.
        try (Connection running = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = running.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint = 0");
            s.execute("INSERT INTO heartbeat (monitor_id, status, time) VALUES (1, 1, '2023-10-01 00:01:00')");
            assertThat(dir.resolve("kuma.db-wal")).exists();
            FileOutcome out = load("kuma.db", "uptime-kuma");
            assertThat(out.rowsLoaded()).as(String.valueOf(out.error())).isEqualTo(2);
        }
    }

    @Test
    void aKumaDatabaseCaughtMidWriteIsReadAsItsLastCommitThroughItsHotJournal() throws Exception {
        Path file = kuma("DELETE");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                    + "INSERT INTO heartbeat (monitor_id, status, time, msg) SELECT 1, 1, "
                    + "strftime('%Y-%m-%d %H:%M:%f', '2023-10-01', '+' || i || ' minutes'), 'OK' FROM n");
        }
        String committed = Hashes.sha256(file);
        // Kuma's pruning half-way: pages of kuma.db already overwritten, their old content in kuma.db-journal.
        // A copy of the folder taken then is what a crash (or a copy of a running Kuma) leaves behind.
        Path caught = Files.createDirectory(dir.resolve("caught"));
        try (Connection kuma = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = kuma.createStatement()) {
            s.execute("PRAGMA cache_size = 2");
            kuma.setAutoCommit(false);
            s.execute("DELETE FROM heartbeat");
            assertThat(Hashes.sha256(file)).as("the transaction spilled into kuma.db").isNotEqualTo(committed);
            Files.copy(file, caught.resolve("kuma.db"));
            Files.copy(dir.resolve("kuma.db-journal"), caught.resolve("kuma.db-journal"));
            kuma.rollback();
        }
        String before = Hashes.sha256(caught.resolve("kuma.db"));
        FileOutcome out = load("caught/kuma.db", "uptime-kuma");
        assertThat(out.rowsLoaded()).as(String.valueOf(out.error())).isEqualTo(3000);
        // The source folder is as it was: the journal was rolled back in a private copy.
        assertThat(Hashes.sha256(caught.resolve("kuma.db"))).isEqualTo(before);
        try (var files = Files.list(caught)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("kuma.db", "kuma.db-journal");
        }
    }

    @Test
    void aFileThatIsNotKumasDatabaseFailsAsAWholeSayingSo() throws Exception {
        Files.writeString(dir.resolve("kuma.db"), "monitor,time,status\nPortal,2023-10-01T08:00:00+08:00,up\n");
        FileOutcome text = load("kuma.db", null);
        assertThat(text.status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(text.error()).contains("kuma.db", "bukan basis data SQLite");

        Path other = dir.resolve("lain.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE monitor (id INTEGER, name TEXT, interval INTEGER)");
        }
        FileOutcome sqlite = load("lain.sqlite", null);
        assertThat(sqlite.status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(sqlite.error()).contains("lain.sqlite", "heartbeat.id", "bukan milik Uptime Kuma");
    }

    @Test
    void prometheusSeriesAreMonitorsByInstanceAndJobOnlyWhereAnInstanceIsProbedTwice() throws Exception {
        // Pretty-printed, so each series has its own line: 6, 14, 20 and 26.
        Files.writeString(dir.resolve("probe.json"), """
                {
                  "status": "success",
                  "data": {
                    "resultType": "matrix",
                    "result": [
                      {
                        "metric": {"__name__": "probe_success", "instance": "https://data.kota.go.id", "job": "blackbox_http"},
                        "values": [
                          [1696118400, "1"],
                          [1696118460.5, "0"],
                          [1696118520, "NaN"]
                        ]
                      },
                      {
                        "metric": {"__name__": "probe_success", "instance": "https://data.kota.go.id", "job": "blackbox_icmp"},
                        "values": [
                          [1696118400, "1"]
                        ]
                      },
                      {
                        "metric": {"__name__": "up", "instance": "srv-email:9100", "job": "node"},
                        "values": [
                          [1696118400, "0"]
                        ]
                      },
                      {
                        "metric": {"__name__": "up"},
                        "values": [[1696118400, "1"]]
                      }
                    ]
                  }
                }
                """);
        FileOutcome out = load("probe.json", null);
        assertThat(out.format()).isEqualTo("prometheus");
        assertThat(out.rowsRead()).isEqualTo(6);
        // 1696118400 = 2023-10-01 00:00:00 UTC; the half second rounds to the millisecond, shown here to the second.
        assertThat(rows()).containsExactly(
                "6 blackbox_http https://data.kota.go.id 2023-10-01 00:00:00 up null",
                "6 blackbox_http https://data.kota.go.id 2023-10-01 00:01:00 down null",
                "14 blackbox_icmp https://data.kota.go.id 2023-10-01 00:00:00 up null",
                "20 srv-email:9100 2023-10-01 00:00:00 down null");
        assertThat(rejects()).containsExactly(
                "6 data.result[0].values[2] heartbeat.prometheus_bad_value",
                "26 data.result[3].metric heartbeat.prometheus_no_instance");
    }

    @Test
    void aPrometheusErrorOrAnInstantQueryFailsAsAWholeSayingWhatToQuery() throws Exception {
        Files.writeString(dir.resolve("error.json"), "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 4\"}");
        FileOutcome error = load("error.json", null);
        assertThat(error.status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(error.error()).contains("error.json", "parse error at char 4");

        Files.writeString(dir.resolve("instant.json"), "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                + "[{\"metric\":{\"instance\":\"a\"},\"value\":[1696118400,\"1\"]}]}}");
        FileOutcome instant = load("instant.json", null);
        assertThat(instant.status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(instant.error()).contains("vector", "query_range");

        Files.writeString(dir.resolve("cut.json"), "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":");
        FileOutcome cut = load("cut.json", null);
        assertThat(cut.status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(cut.error()).contains("cut.json", "JSON rusak");
        assertThat(rows()).isEmpty();
    }
}
