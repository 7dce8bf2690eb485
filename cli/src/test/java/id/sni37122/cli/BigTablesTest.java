package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big tables load with the heap the README's systemd unit gives (-Xmx1g), each in a JVM of its
 * own. The workbook is written by the benchmark's own generator (bench/GenerateTables.java: date
 * cells under a title, text inline to write it quickly); its speed is measured by {@code make bench}.
 */
class BigTablesTest {

    @TempDir
    Path dir;

    @Test
    void aCatalogueOf200000RowsInXlsxLoadsIn1GB() throws Exception {
        Path book = dir.resolve("layanan.xlsx");
        Process gen = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Path.of("..", "bench", "GenerateTables.java").toString(), "catalogue", book.toString(), "200000", "inline")
                .inheritIO().start();
        assertThat(gen.waitFor()).isZero();
        Path config = Files.writeString(dir.resolve("kota.yaml"), """
                city: {code: kotauji, name: Kota Uji, timezone: Asia/Makassar}
                sources:
                  catalog: [{path: layanan.xlsx}]
                output: out/
                secret_file: kunci/visitor.key
                """);

        CliRunner.Result r = CliRunner.fork(List.of("-Xmx1g"), "ingest", "-c", config.toString());

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("out/kotauji.duckdb"));
             ResultSet s = c.createStatement().executeQuery(
                     "SELECT count(*), count(DISTINCT code), min(line), max(line), count(*) FILTER (WHERE valid_from IS NULL) FROM catalog_service")) {
            s.next();
            assertThat(List.of(s.getLong(1), s.getLong(2), s.getLong(3), s.getLong(4), s.getLong(5)))
                    .as("every row once, numbered as in the sheet, every date cell read")
                    .containsExactly(200_000L, 200_000L, 5L, 200_004L, 0L);
        }
    }
}
