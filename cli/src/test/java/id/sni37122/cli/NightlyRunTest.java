package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 02:00 cron job on a log that keeps growing: the second run reads only the new lines, a visit
 * that continues across the two runs is not split, and the result equals one load of the whole file.
 */
class NightlyRunTest {

    private static final List<String> FIXTURE = List.of("kota-uji.yaml", "access.log", "layanan.csv", "pengaduan.csv",
            "insiden.csv", "heartbeat.csv");
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";
    /**
     * 10.2.2.2 comes back 20 minutes after its 09:00 API call: the same visit (not a new one).
     * 10.6.6.6 is new the next day: one more visit. So 3 visits become 4.
     */
    private static final String NEXT_DAY = "10.2.2.2 - - [02/Mar/2023:09:20:00 +0800] \"GET /dataset/sekolah HTTP/1.1\" 200 900 \"-\" \"" + UA + "\"\n"
            + "10.6.6.6 - - [03/Mar/2023:08:00:00 +0800] \"GET /dataset/apbd-2023 HTTP/1.1\" 200 900 \"-\" \"" + UA + "\"\n";

    @TempDir
    Path dir;

    @Test
    void aGrownLogLoadsOnlyItsNewLinesAndCountsLikeOneLoad() throws Exception {
        byte[] key = new byte[VisitorSecret.LENGTH];
        Path nightly = city("nightly", key);
        assertThat(CliRunner.run("ingest", "-c", nightly.toString()).exitCode()).isZero();
        Files.writeString(nightly.resolveSibling("access.log"), NEXT_DAY, StandardOpenOption.APPEND);

        CliRunner.Result second = CliRunner.run("run", "--quiet", "-c", nightly.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).as("quiet when all is well").isEmpty();
        Path warehouse = nightly.resolveSibling("out/kotauji.duckdb");
        assertThat(query(warehouse, "SELECT rows_read FROM source_file WHERE path LIKE '%access.log' AND start_offset > 0"))
                .as("only the two new lines were read").isEqualTo(2);

        Path once = city("once", key);
        Files.writeString(once.resolveSibling("access.log"), NEXT_DAY, StandardOpenOption.APPEND);
        assertThat(CliRunner.run("ingest", "-c", once.toString()).exitCode()).isZero();

        String grown = CliRunner.run("compute", "-c", nightly.toString(), "--year", "2023", "--json").out();
        assertThat(grown).isEqualTo(CliRunner.run("compute", "-c", once.toString(), "--year", "2023", "--json").out());
        assertThat(grown).containsPattern("\"indicator\"\\s*:\\s*\"10.1\"\\s*,\\s*\"value\"\\s*:\\s*2\\.0\\s*,\\s*\"numerator\"\\s*:\\s*4");
    }

    private Path city(String name, byte[] key) throws Exception {
        Path d = CliRunner.copyFixture("fixture-city", dir.resolve(name), FIXTURE);
        Files.write(d.resolve("visitor.key"), key);
        return d.resolve("kota-uji.yaml");
    }

    private static long query(Path warehouse, String sql) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly);
             ResultSet r = c.createStatement().executeQuery(sql)) {
            assertThat(r.next()).isTrue();
            return r.getLong(1);
        }
    }
}
