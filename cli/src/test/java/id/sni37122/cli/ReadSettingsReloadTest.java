package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file's identity is its content plus how it is read: correcting the config reloads the file
 * (REPLACED, the change named in words) and the figure follows, through the real command line.
 *
 * <p>The portal log: 10.0.0.1 with Chrome at 10:00 and with Firefox at 10:05, Googlebot from
 * 10.0.0.2 and bingbot from 10.0.0.3. Read as {@code common} (no user-agent field) the visitor is
 * the address alone and robots cannot be told: 3 visits; as {@code combined}: Chrome and Firefox
 * are two visitors, the robots do not count: 2 visits. Population 200 000: 1.5 and 1.0 per 100 000.
 */
class ReadSettingsReloadTest {

    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36";
    private static final String LOG = String.join("\n",
            "10.0.0.1 - - [01/Mar/2023:10:00:00 +0800] \"GET /dataset/apbd HTTP/1.1\" 200 5120 \"-\" \"" + CHROME + "\"",
            "10.0.0.1 - - [01/Mar/2023:10:05:00 +0800] \"GET /dataset/apbd HTTP/1.1\" 200 5120 \"-\" "
                    + "\"Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0\"",
            "10.0.0.2 - - [01/Mar/2023:11:00:00 +0800] \"GET /dataset/apbd HTTP/1.1\" 200 5120 \"-\" "
                    + "\"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)\"",
            "10.0.0.3 - - [01/Mar/2023:12:00:00 +0800] \"GET /dataset/apbd HTTP/1.1\" 200 5120 \"-\" "
                    + "\"Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)\"") + "\n";

    @TempDir
    Path dir;

    /** One day of log and a handful of inquiries: the coverage and unanswered thresholds are not the point here. */
    private Path config(String sources) throws Exception {
        return Files.writeString(dir.resolve("kota.yaml"), """
                city: {code: kotauji, name: Kota Uji, timezone: Asia/Makassar}
                population:
                  - {year: 2023, population: 200000, source: "angka uji"}
                sources:
                """ + sources + """
                output: out/
                secret_file: visitor.key
                thresholds: {min_coverage_share: null, max_unanswered_share: null}
                """);
    }

    private CliRunner.Result ingest(Path config, String... extra) {
        List<String> args = new ArrayList<>(List.of("ingest", "-c", config.toString()));
        args.addAll(List.of(extra));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return r;
    }

    private Map<String, Object> result(Path config, String indicator, int year) {
        CliRunner.Result r = CliRunner.run("compute", "-c", config.toString(), "--year", String.valueOf(year), "--json");
        List<Map<String, Object>> rows = JsonMapper.builder().build().readValue(r.out(), new TypeReference<>() { });
        return rows.stream().filter(row -> indicator.equals(row.get("indicator"))).findFirst().orElseThrow();
    }

    private double value(Path config, String indicator, int year) {
        return ((Number) result(config, indicator, year).get("value")).doubleValue();
    }

    @Test
    void correctingTheFormatReloadsTheLog() throws Exception {
        Files.writeString(dir.resolve("access.log"), LOG);
        Path config = config("  portal: [{path: access.log, format: common}]\n");
        ingest(config);
        assertThat(value(config, "10.1", 2023)).isEqualTo(1.5);

        config("  portal: [{path: access.log, format: combined}]\n");
        CliRunner.Result r = ingest(config);
        assertThat(r.out()).contains("access.log dimuat ulang karena cara membacanya di konfigurasi berubah (format: common → combined)");
        assertThat(value(config, "10.1", 2023)).isEqualTo(1.0);

        assertThat(ingest(config).out()).as("read the same way again: skipped").contains("0 berkas dimuat, 1 dilewati");
        assertThat(value(config, "10.1", 2023)).isEqualTo(1.0);
    }

    @Test
    void correctingACustomPatternReloadsTheLog() throws Exception {
        Files.writeString(dir.resolve("access.log"), LOG);
        Path config = config("""
                  portal:
                    - {path: access.log, format: custom, pattern: '%h %l %u %t "%r" %>s %b'}
                """);
        ingest(config);
        assertThat(value(config, "10.1", 2023)).isEqualTo(1.5);

        config("""
                  portal:
                    - {path: access.log, format: custom, pattern: '%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-Agent}i"'}
                """);
        assertThat(ingest(config).out()).contains("(pattern: %h %l %u %t \"%r\" %>s %b → %h %l %u %t \"%r\" %>s %b \"%{Referer}i\"");
        assertThat(value(config, "10.1", 2023)).isEqualTo(1.0);
    }

    /**
     * P-1 submitted 1 March 08:00, answered ("dijawab") 12 h later and closed after 48 h; P-2 submitted
     * 1 April 08:00, answered after 24 h, closed after 72 h. Without a mapping the file has no
     * first-response column, so closure stands in: (48 + 72) / 2 = 60 h = 2.5 days. Mapped:
     * (12 + 24) / 2 = 18 h = 0.75 days.
     */
    @Test
    void addingAColumnMappingReloadsTheTable() throws Exception {
        Files.writeString(dir.resolve("pengaduan.csv"), """
                id,submitted_at,dijawab,closed_at
                P-1,2023-03-01T08:00:00+08:00,2023-03-01T20:00:00+08:00,2023-03-03T08:00:00+08:00
                P-2,2023-04-01T08:00:00+08:00,2023-04-02T08:00:00+08:00,2023-04-04T08:00:00+08:00
                """);
        Path config = config("  inquiries: [{path: pengaduan.csv}]\n");
        ingest(config);
        assertThat(value(config, "10.3", 2023)).isEqualTo(2.5);

        config("  inquiries: [{path: pengaduan.csv, columns: {first_response_at: dijawab}}]\n");
        assertThat(ingest(config).out()).contains("(columns: (tidak diisi) → {\"first_response_at\":\"dijawab\"})");
        assertThat(value(config, "10.3", 2023)).isEqualTo(0.75);
    }

    /**
     * Times without an offset are read in the source's zone. R-1, 31 December 23:30, answered 24 h
     * later; R-2, 1 June 08:00, answered after 48 h. In Asia/Makassar (the city's zone) both are
     * 2023: (24 + 48) / 2 = 36 h = 1.5 days. Read as Asia/Jakarta (one hour behind), R-1 is
     * 1 January 2024 00:30 in the city: 2023 keeps R-2 alone, 2.0 days, and 2024 has R-1, 1.0 day.
     */
    @Test
    void changingTheSourceTimezoneReloadsTheTable() throws Exception {
        Files.writeString(dir.resolve("pengaduan.csv"), """
                id,submitted_at,first_response_at
                R-1,2023-12-31 23:30,2024-01-01 23:30
                R-2,2023-06-01 08:00,2023-06-03 08:00
                """);
        Path config = config("  inquiries: [{path: pengaduan.csv, timezone: Asia/Makassar}]\n");
        ingest(config);
        assertThat(value(config, "10.3", 2023)).isEqualTo(1.5);

        config("  inquiries: [{path: pengaduan.csv, timezone: Asia/Jakarta}]\n");
        assertThat(ingest(config).out()).contains("(timezone: Asia/Makassar → Asia/Jakarta)");
        assertThat(value(config, "10.3", 2023)).isEqualTo(2.0);
        assertThat(value(config, "10.3", 2024)).isEqualTo(1.0);
    }

    @Test
    void reloadOnAskForAKindOrAPathAndRefuseWhatNamesNothing() throws Exception {
        Files.writeString(dir.resolve("access.log"), LOG);
        Path config = config("  portal: [{path: access.log, format: combined}]\n");
        ingest(config);

        CliRunner.Result byKind = ingest(config, "--reload", "portal");
        assertThat(byKind.out()).contains("access.log dimuat ulang atas permintaan (--reload)");
        CliRunner.Result byPath = ingest(config, "--reload=" + dir.resolve("access.log"));
        assertThat(byPath.out()).contains("dimuat ulang atas permintaan (--reload)");
        assertThat(value(config, "10.1", 2023)).as("replaced, never counted twice").isEqualTo(1.0);

        CliRunner.Result none = CliRunner.run("ingest", "-c", config.toString(), "--reload", "catalog");
        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("--reload catalog");
        CliRunner.Result typo = CliRunner.run("ingest", "-c", config.toString(), "--reload", "portl");
        assertThat(typo.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(typo.err()).contains("portl", "portal, catalog");
    }
}
