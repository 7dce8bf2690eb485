package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 02:00 run on a night with nothing new computes and writes nothing (the warehouse is not even
 * opened: no run is recorded in it), and says nothing under --quiet; anything the figures or
 * workbooks depend on that changed makes it a whole run again: a workbook deleted, a log grown, a
 * rule edited, another version of the tool, a separate {@code compute} into the warehouse.
 */
class NothingNewRunTest {

    private static final List<String> FIXTURE = List.of("kota-uji.yaml", "access.log", "layanan.csv", "pengaduan.csv",
            "insiden.csv", "heartbeat.csv");
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";

    @TempDir
    Path dir;

    @Test
    void aNightWithNothingNewDoesNothingAndEachChangeMakesAWholeRun() throws Exception {
        Path config = city();
        Path out = config.resolveSibling("out");
        Path warehouse = out.resolve("kotauji.duckdb");
        Path workbook = out.resolve("sni37122-kotauji-2023.xlsx");

        run(config);
        assertThat(out.resolve(NightlyStamp.FILE_NAME)).as("stamped after a whole run that ended well").exists();
        assertThat(workbook).exists();
        long runs = runs(warehouse);

        CliRunner.Result quiet = run(config);
        assertThat(quiet.out() + quiet.err()).as("quiet when nothing is new").isEmpty();
        assertThat(runs(warehouse)).as("the warehouse is not opened, so no run is recorded in it").isEqualTo(runs);
        assertThat(Files.readString(out.resolve("sni37122-run.log"))).contains("nothing_new=1");
        CliRunner.Result told = CliRunner.run("run", "-c", config.toString());
        assertThat(told.exitCode()).isZero();
        assertThat(told.out()).contains("tidak ada yang baru").doesNotContain("Pemuatan data");

        Files.delete(workbook);
        wholeRun(config, warehouse, "a workbook deleted");
        assertThat(workbook).as("written again").exists();
        assertThat(runs(warehouse)).isEqualTo(runs + 1);
        run(config);
        assertThat(runs(warehouse)).as("and then nothing new again").isEqualTo(runs + 1);

        Files.writeString(config.resolveSibling("access.log"), "10.6.6.6 - - [03/Mar/2023:08:00:00 +0800] "
                + "\"GET /dataset/apbd-2023 HTTP/1.1\" 200 900 \"-\" \"" + UA + "\"\n", StandardOpenOption.APPEND);
        wholeRun(config, warehouse, "a log grown by a line");
        assertThat(CliRunner.run("compute", "-c", config.toString(), "--year", "2023", "--json").out())
                .as("the new visitor counted: 3 visits become 4")
                .containsPattern("\"indicator\"\\s*:\\s*\"10.1\"\\s*,\\s*\"value\"\\s*:\\s*2\\.0\\s*,\\s*\"numerator\"\\s*:\\s*4");
        wholeRun(config, warehouse, "compute wrote results into the warehouse since");

        Files.writeString(config, Files.readString(config) + "rules:\n  portal: {visit_window_minutes: 10}\n");
        wholeRun(config, warehouse, "a rule edited");

        Path stamp = out.resolve(NightlyStamp.FILE_NAME);
        Files.writeString(stamp, Files.readString(stamp).replaceFirst("code=\\S+", "code=0.0.1"));
        wholeRun(config, warehouse, "the last run was made by another version");

        assertThat(CliRunner.run("run", "--quiet", "--lang", "en", "-c", config.toString()).exitCode()).isZero();
        assertThat(runs(warehouse)).as("another language is another workbook").isEqualTo(runs + 6);
    }

    @Test
    void aYearStillRunningIsNeverStamped() throws Exception {
        Path config = city();
        // A visit at the first instant of this year in the city's zone: always in the past, and it
        // makes this year one of the run's, whose coverage grows with the clock.
        int year = Year.now(ZoneId.of("Asia/Makassar")).getValue();
        Files.writeString(config.resolveSibling("access.log"), "10.7.7.7 - - [01/Jan/" + year + ":00:00:00 +0800] "
                + "\"GET /dataset/apbd-2023 HTTP/1.1\" 200 900 \"-\" \"" + UA + "\"\n", StandardOpenOption.APPEND);
        Path warehouse = config.resolveSibling("out/kotauji.duckdb");
        // This year has no population figure of its own: the last one stands in.
        Files.writeString(config, Files.readString(config) + "rules:\n  portal: {population_fallback: true}\n");

        assertThat(run(config).exitCode()).isZero();
        assertThat(config.resolveSibling("out/" + NightlyStamp.FILE_NAME)).doesNotExist();
        long runs = runs(warehouse);
        run(config);
        assertThat(runs(warehouse)).isEqualTo(runs + 1);
    }

    private Path city() throws Exception {
        Path d = CliRunner.copyFixture("fixture-city", dir.resolve("kota"), FIXTURE);
        Files.write(d.resolve("visitor.key"), new byte[VisitorSecret.LENGTH]);
        Files.setPosixFilePermissions(d.resolve("visitor.key"), PosixFilePermissions.fromString("rw-------"));
        return d.resolve("kota-uji.yaml");
    }

    private static CliRunner.Result run(Path config) {
        CliRunner.Result r = CliRunner.run("run", "--quiet", "-c", config.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    /** The next run is a whole one: a run is recorded in the warehouse. */
    private static void wholeRun(Path config, Path warehouse, String why) throws Exception {
        long before = runs(warehouse);
        run(config);
        assertThat(runs(warehouse)).as(why).isEqualTo(before + 1);
    }

    private static long runs(Path warehouse) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly);
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM run WHERE command = 'run'")) {
            assertThat(r.next()).isTrue();
            return r.getLong(1);
        }
    }
}
