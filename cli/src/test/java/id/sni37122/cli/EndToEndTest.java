package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline through the real command line on a tiny city (src/test/resources/fixture-city),
 * every value worked out by hand:
 *
 * <p>10.1: visitor 10.1.1.1 (Chrome) hits at 10:00:00, 10:20:00 (a download), 10:49:59 (a 304) and
 * 11:30:00: gaps of 20:00 and 29:59 stay in one visit, 40:01 starts a second; the .css hit is a
 * static asset. Visitor 10.2.2.2 makes one API call (its 404 does not count): one visit. HEAD,
 * Googlebot and the empty agent "-" do not count; the last line is truncated and rejected.
 * Visits = 3; population 200 000, denominator 200 000 / 100 000 = 2; value = 1.5.
 *
 * <p>10.2 (2023): UJI-01 online (Ya), UJI-02 not (Tidak), UJI-03 has no flag but level Transaksi,
 * so online; UJI-04 ended 2022-06-30 and is not offered in 2023. 2 / 3 = 66.67 %.
 *
 * <p>10.3: P-1 answered after 12 h, P-2 after 36 h (first response, not closure); P-3 is an
 * emergency and P-4 is unanswered: both left out. (12 + 36) / 2 = 24 h = 1.0 day.
 *
 * <p>10.4: INS-1 2 h, INS-2 4 h (planned maintenance counts), and the monitor "Portal Satu Data"
 * down from its first DOWN check 00:05 to the first UP check 00:15 = 10 min. They do not overlap:
 * 3 incidents, 6 h 10 min = 6.1667 h; 6.1667 / 3 = 2.0556 h per incident.
 */
class EndToEndTest {

    private static final List<String> FILES = List.of("kota-uji.yaml", "access.log", "layanan.csv", "pengaduan.csv",
            "insiden.csv", "heartbeat.csv");

    @TempDir
    Path dir;

    Path config;

    @BeforeEach
    void copyCity() throws Exception {
        config = CliRunner.copyFixture("fixture-city", dir, FILES).resolve("kota-uji.yaml");
    }

    private Map<String, Map<String, Object>> computeJson(String year) {
        CliRunner.Result r = CliRunner.run("compute", "-c", config.toString(), "--year", year, "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Map<String, Object>> rows = JsonMapper.builder().build().readValue(r.out(), new TypeReference<>() { });
        Map<String, Map<String, Object>> byIndicator = new java.util.TreeMap<>();
        rows.forEach(row -> byIndicator.put((String) row.get("indicator"), row));
        return byIndicator;
    }

    private static double number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }

    @Test
    void runComputesTheFourIndicatorsAsWorkedOutByHand() {
        CliRunner.Result run = CliRunner.run("run", "-c", config.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("10.1", "10.2", "10.3", "10.4");

        Map<String, Map<String, Object>> r = computeJson("2023");
        assertThat(r).containsKeys("10.1", "10.2", "10.3", "10.4");
        assertThat(number(r.get("10.1"), "numerator")).isEqualTo(3);
        assertThat(number(r.get("10.1"), "denominator")).isEqualTo(2);
        assertThat(number(r.get("10.1"), "value")).isEqualTo(1.5);
        assertThat(number(r.get("10.2"), "numerator")).isEqualTo(2);
        assertThat(number(r.get("10.2"), "denominator")).isEqualTo(3);
        assertThat(number(r.get("10.2"), "value")).isCloseTo(66.6667, within(1e-3));
        assertThat(number(r.get("10.3"), "numerator")).isEqualTo(48);
        assertThat(number(r.get("10.3"), "denominator")).isEqualTo(2);
        assertThat(number(r.get("10.3"), "value")).isEqualTo(1.0);
        assertThat(number(r.get("10.4"), "numerator")).isCloseTo(6.0 + 10.0 / 60, within(1e-9));
        assertThat(number(r.get("10.4"), "denominator")).isEqualTo(3);
        assertThat(number(r.get("10.4"), "value")).isCloseTo((6.0 + 10.0 / 60) / 3, within(1e-9));
        assertThat(r.values()).allSatisfy(row -> assertThat(row).containsKeys("unit", "rules", "city", "year"));

        assertThat(dir.resolve("out/sni37122-kotauji-2023.xlsx")).exists();
        try (var pngs = Files.list(dir.resolve("out"))) {
            assertThat(pngs.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(4);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void ingestingTwiceChangesNoValue() {
        assertThat(CliRunner.run("ingest", "-c", config.toString()).exitCode()).isZero();
        Map<String, Map<String, Object>> first = computeJson("2023");
        CliRunner.Result again = CliRunner.run("ingest", "-c", config.toString());
        assertThat(again.exitCode()).isZero();
        Map<String, Map<String, Object>> second = computeJson("2023");
        for (String indicator : first.keySet()) {
            assertThat(second.get(indicator).get("value")).as(indicator).isEqualTo(first.get(indicator).get("value"));
            assertThat(second.get(indicator).get("numerator")).as(indicator).isEqualTo(first.get(indicator).get("numerator"));
        }
        assertThat(first).hasSize(4);
    }

    @Test
    void aMissingSourceFileIsAClearMessageWithExitCode2() throws Exception {
        Files.delete(dir.resolve("pengaduan.csv"));
        CliRunner.Result r = CliRunner.run("run", "-c", config.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("pengaduan.csv", "tidak ditemukan");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(dir.resolve("out/kotauji.duckdb")).doesNotExist(); // nothing was loaded
    }

    @Test
    void aMissingPopulationYearIsAnErrorNamingCityAndYearUnlessTheFallbackIsAllowed() throws Exception {
        Files.writeString(config, Files.readString(config).replace("year: 2023, population: 200000", "year: 2022, population: 200000"));
        CliRunner.Result r = CliRunner.run("run", "-c", config.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("Kota Uji", "2023", "10.1", "population");
        assertThat(dir.resolve("out/sni37122-kotauji-2023.xlsx")).as("the other figures are still reported").exists();

        Files.writeString(config, Files.readString(config) + "rules:\n  portal: {population_fallback: true}\n");
        Map<String, Map<String, Object>> fallback = computeJson("2023");
        assertThat(number(fallback.get("10.1"), "value")).isEqualTo(1.5); // 2022's 200 000 people, with a warning
        assertThat(fallback.get("10.1").get("warnings").toString()).contains("warning.population_fallback");
    }
}
