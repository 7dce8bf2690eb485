package id.sni37122.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.MariaDbServer;
import id.sni37122.connectors.SourceSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uptime Kuma 2.x keeping its data in MariaDB ({@code url: jdbc:mariadb://…}), read from a real
 * MariaDB server the test starts ({@link MariaDbServer}, Debian's mariadb-server). The tables are
 * Kuma's own for MariaDB ({@code kuma-2-mariadb.sql}: {@code db/knex_init_db.js} and
 * {@code db/knex_migrations} of louislam/uptime-kuma at 6398a9581), written by the same generator
 * and the same year as {@link KumaHistoryTest}'s pruned 2.x database, so 10.4 must be the figure
 * computed by hand there: 4 incidents, 360 minutes, 1.5 hours per incident, and Kuma's 2.x
 * retention had removed the year's first 8 hours.
 */
class KumaMariaDbTest {

    @TempDir
    static Path serverDir;

    private static MariaDbServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void kumaOnMariaDb() throws Exception {
        server = MariaDbServer.start(serverDir);
        try (Connection c = server.writer(); Statement s = c.createStatement()) {
            String ddl = new String(KumaMariaDbTest.class.getResourceAsStream("kuma-2-mariadb.sql").readAllBytes(), StandardCharsets.UTF_8);
            for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            KumaHistoryTest.year(KumaYear.Release.V2).write(c, KumaHistoryTest.FROM, KumaHistoryTest.READ);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** The source as a config names it: the url, the read-only user, the password in a file beside the config. */
    private SourceSpec source(Map<String, Object> credentials) {
        Map<String, Object> options = new TreeMap<>(credentials);
        options.put("url", server.url());
        return new SourceSpec("heartbeats", null, dir, "uptime-kuma", null, Map.of(), options);
    }

    private SourceSpec source() throws Exception {
        Files.writeString(dir.resolve("kuma-db.pw"), MariaDbServer.READER_PASSWORD + "\n", StandardCharsets.UTF_8);
        return source(Map.of("user", MariaDbServer.READER, "password_file", "kuma-db.pw"));
    }

    @Test
    void kuma2OnMariaDbGivesTheSameYearAsTheSameHeartbeatsInSqlite() throws Exception {
        IndicatorResult fromSqlite;
        Path sqliteDir = Files.createDirectories(dir.resolve("sqlite"));
        KumaHistoryTest.year(KumaYear.Release.V2).write(sqliteDir.resolve("kuma.db"), KumaHistoryTest.FROM, KumaHistoryTest.READ);
        try (TestCity city = new TestCity(sqliteDir)) {
            city.load(new SourceSpec("heartbeats", "kuma.db", sqliteDir, "uptime-kuma", null, Map.of(), Map.of()));
            fromSqlite = city.compute(new DowntimePerIncident(), 2025);
        }
        try (TestCity city = new TestCity(dir)) {
            FileOutcome out = city.load(source());
            assertThat(out.status()).as(String.valueOf(out.error())).isEqualTo(FileOutcome.Status.LOADED);
            assertThat(out.file()).isNull();
            assertThat(out.database()).isEqualTo(server.url());
            assertThat(out.details()).containsEntry("kuma_version", "2.x").containsEntry("keep_days", 365).containsEntry("monitors", 3);
            IndicatorResult r = city.compute(new DowntimePerIncident(), 2025);
            KumaHistoryTest.assertWholeYear(r);
            assertThat((double) r.details().get("coverage_share")).isCloseTo((8760.0 - 48 - 8) / 8760, within(1e-9));
            assertThat(r.details()).containsEntry("kuma_keep_days", 365).containsEntry("kuma_raw_hours", 24)
                    .containsEntry("kuma_kept_since", "2025-01-01 07:59");
            assertThat(r.value()).isEqualTo(fromSqlite.value());
            assertThat(r.numerator()).isEqualTo(fromSqlite.numerator());
            assertThat(r.details().get("coverage_share")).isEqualTo(fromSqlite.details().get("coverage_share"));
            assertThat(r.warnings()).isEqualTo(fromSqlite.warnings());

            // The source is named by its url (no password in it) and read settings, without the user or password file.
            try (PreparedStatement p = city.warehouse.connection().prepareStatement(
                    "SELECT path, size_bytes, read_settings FROM source_file WHERE kind = 'heartbeats'");
                 var rows = p.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(server.url());
                assertThat(rows.getLong(2)).isZero();
                assertThat(rows.getString(3)).contains("\"url\"", "uptime-kuma").doesNotContain("password", "sni");
            }
        }
    }

    @Test
    void readEveryNightItAddsOnlyWhatIsNewAndIsQuietWhenNothingIs() throws Exception {
        try (TestCity city = new TestCity(dir)) {
            long first = city.load(source()).rowsLoaded();
            FileOutcome again = city.load(source());
            assertThat(again.status()).isEqualTo(FileOutcome.Status.SKIPPED);
            assertThat(again.note()).isNull();
            // Kuma writes the next check of monitor 3 (always up), 15 minutes after its last one.
            try (Connection c = server.writer(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO heartbeat (important, monitor_id, status, msg, time, ping, duration, down_count, end_time, retries) "
                        + "VALUES (0, 3, 1, '200 - OK', '2026-01-01 00:00:00', 42, 0, 0, '2026-01-01 00:00:00', 0)");
                FileOutcome next = city.load(source());
                assertThat(next.status()).isEqualTo(FileOutcome.Status.APPENDED);
                assertThat(next.rowsLoaded()).isEqualTo(1);
                assertThat(next.note()).contains(server.url(), "tetap tersimpan");
                s.executeUpdate("DELETE FROM heartbeat WHERE time = '2026-01-01 00:00:00'");
            }
            try (PreparedStatement p = city.warehouse.connection().prepareStatement("SELECT count(*) FROM heartbeat"); var rows = p.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(first + 1);
            }
        }
    }

    @Test
    void aChangedReadSettingReadsTheDatabaseAgainWithoutLosingAnything() throws Exception {
        try (TestCity city = new TestCity(dir)) {
            long first = city.load(source()).rowsLoaded();
            SourceSpec rezoned = source();
            rezoned = new SourceSpec(rezoned.kind(), null, dir, rezoned.format(), ZoneId.of("Asia/Jakarta"), Map.of(), rezoned.options());
            FileOutcome again = city.load(rezoned);
            assertThat(again.status()).as(String.valueOf(again.error())).isEqualTo(FileOutcome.Status.REPLACED);
            assertThat(again.note()).contains(server.url(), "timezone: Asia/Makassar → Asia/Jakarta", "tetap tersimpan");
            assertThat(again.rowsLoaded()).isEqualTo(first);
            try (PreparedStatement p = city.warehouse.connection().prepareStatement("SELECT count(*) FROM heartbeat"); var rows = p.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(first);
            }
            KumaHistoryTest.assertWholeYear(city.compute(new DowntimePerIncident(), 2025));

            // ingest --reload names it by its kind: read again the same way.
            FileOutcome reload = city.reload(rezoned);
            assertThat(reload.status()).isEqualTo(FileOutcome.Status.REPLACED);
            assertThat(reload.note()).contains("(--reload)", "tetap tersimpan");
            try (PreparedStatement p = city.warehouse.connection().prepareStatement("SELECT count(*) FROM heartbeat"); var rows = p.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(first);
            }
        }
    }

    @Test
    void aWrongPasswordFailsLoudlyWithoutShowingIt() throws Exception {
        String wrong = "salah-" + MariaDbServer.READER_PASSWORD;
        Files.writeString(dir.resolve("wrong.pw"), wrong, StandardCharsets.UTF_8);
        try (TestCity city = new TestCity(dir)) {
            FileOutcome out = city.load(source(Map.of("user", MariaDbServer.READER, "password_file", "wrong.pw")));
            assertThat(out.status()).isEqualTo(FileOutcome.Status.FAILED);
            assertThat(out.error()).startsWith(server.url() + ": ").contains("tidak dapat terhubung", "password_file")
                    .doesNotContain(wrong).doesNotContain("SQLException");
            // An unset environment variable is named, and nothing is tried.
            FileOutcome env = city.load(source(Map.of("user", MariaDbServer.READER, "password_env", "SNI37122_TEST_UNSET_PASSWORD")));
            assertThat(env.error()).contains("SNI37122_TEST_UNSET_PASSWORD");
            try (PreparedStatement p = city.warehouse.connection().prepareStatement("SELECT count(*) FROM source_file"); var rows = p.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
        }
    }
}
