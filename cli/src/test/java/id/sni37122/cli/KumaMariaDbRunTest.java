package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.MariaDbServer;
import id.sni37122.indicators.KumaYear;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run on an Uptime Kuma 2.x that keeps its data in MariaDB (a real server,
 * {@link MariaDbServer}; Kuma's tables for MariaDB from its knex migrations, {@code kuma-2-mariadb.sql}):
 * the config names it by url, the password lies in a file, and a run with no file changed still
 * reads the database, since what it holds is no file: the next night's heartbeats are added.
 */
class KumaMariaDbRunTest {

    @TempDir
    Path dir;

    @Test
    void everyNightlyRunReadsTheDatabaseAndNeverShowsItsPassword() throws Exception {
        try (MariaDbServer server = MariaDbServer.start(Files.createDirectories(dir.resolve("mariadb")))) {
            try (Connection c = server.writer(); Statement s = c.createStatement()) {
                String ddl = new String(KumaYear.class.getResourceAsStream("kuma-2-mariadb.sql").readAllBytes(), StandardCharsets.UTF_8);
                for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
                KumaYear.kotaUji(KumaYear.Release.V2).write(c, "2024-12-31T16:00:00Z", "2026-01-01T00:00:00Z");
            }
            Files.writeString(dir.resolve("kuma-db.pw"), MariaDbServer.READER_PASSWORD + "\n", StandardCharsets.UTF_8);
            Path config = Files.writeString(dir.resolve("kota-uji.yaml"), """
                    city: {code: uji, name: Kota Uji, timezone: Asia/Makassar}
                    sources:
                      heartbeats: [{url: "%s", user: %s, password_file: kuma-db.pw}]
                    output: out/
                    secret_file: kunci/visitor.key
                    """.formatted(server.url(), MariaDbServer.READER));

            CliRunner.Result first = CliRunner.run("run", "-c", config.toString(), "--year", "2025");
            assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCode.OK);
            assertThat(first.out()).contains(server.url());
            CliRunner.Result quiet = CliRunner.run("run", "-c", config.toString(), "--year", "2025");
            assertThat(quiet.exitCode()).as(quiet.out() + quiet.err()).isEqualTo(ExitCode.OK);
            assertThat(quiet.out()).doesNotContain("tidak ada yang baru");

            // Kuma's next check of monitor 3, after the last run: the next run adds it.
            try (Connection c = server.writer(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO heartbeat (important, monitor_id, status, msg, time, ping, duration, down_count, end_time, retries) "
                        + "VALUES (0, 3, 1, '200 - OK', '2026-01-01 00:00:00', 42, 0, 0, '2026-01-01 00:00:00', 0)");
            }
            CliRunner.Result next = CliRunner.run("run", "-c", config.toString(), "--year", "2025");
            assertThat(next.exitCode()).as(next.out() + next.err()).isEqualTo(ExitCode.OK);
            assertThat(next.out()).contains("1 catatan baru ditambahkan");
            // ingest --reload heartbeats names the database by its kind: read again whole, nothing lost.
            CliRunner.Result reload = CliRunner.run("ingest", "-c", config.toString(), "--reload", "heartbeats");
            assertThat(reload.exitCode()).as(reload.out() + reload.err()).isEqualTo(ExitCode.OK);
            assertThat(reload.out()).contains("(--reload)", "tetap tersimpan");
            for (CliRunner.Result r : new CliRunner.Result[] {first, quiet, next, reload}) {
                assertThat(r.out() + r.err()).doesNotContain(MariaDbServer.READER_PASSWORD, "Exception");
            }
        }
    }
}
