package id.sni37122.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.sni37122.connectors.SharedData;
import id.sni37122.connectors.SourceSpec;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortalVisitsPer100kTest {

    @TempDir
    Path dir;

    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    private static String line(String ip, String time, String method, String path, int status, String agent) {
        return ip + " - - [" + time + "] \"" + method + " " + path + " HTTP/1.1\" " + status + " 100 \"-\" \"" + agent + "\"\n";
    }

    @Test
    void workedExampleTenMillionVisitsOverTenPoint56MillionPeople() throws Exception {
        try (TestCity city = new TestCity(dir)) {
            city.population(10_560_000, 2023);
            // Ten million visitors with one counted hit each, spread over 2023 (UTC+8).
            try (Statement s = city.warehouse.connection().createStatement()) {
                s.execute("INSERT INTO source_file (file_id, city, kind, format, path, sha256, size_bytes, loaded_at, rows_read, rows_loaded, "
                        + "rows_rejected) VALUES (0, 'uji', 'portal', 'combined', 'generated', '-', 0, now(), 0, 0, 0)");
                s.execute("INSERT INTO portal_term VALUES (1, 'GET')");
                s.execute("INSERT INTO portal_hit SELECT 0, 1672502400 + i * 3, i, NULL, 1, 200, NULL, NULL FROM range(10000000) t(i)");
            }
            IndicatorResult r = city.compute(new PortalVisitsPer100k(), 2023);
            assertThat(r.numerator()).isEqualTo(10_000_000);
            assertThat(r.denominator()).isCloseTo(105.6, within(1e-9));
            assertThat(Math.round(r.value())).isEqualTo(94_697);
        }
    }

    @Test
    void countingRulesWindowAndLocalYear() throws Exception {
        String log = ""
                // One visitor: 23:50 on 31 Dec (local) and 00:10 on 1 Jan are one visit of 2022, not split at midnight.
                + line("36.72.1.1", "31/Dec/2022:23:50:00 +0800", "GET", "/dataset/a", 200, CHROME)
                + line("36.72.1.1", "01/Jan/2023:00:10:00 +0800", "GET", "/dataset/b", 200, CHROME)
                // 1800 s after the last hit: the same visit; 1801 s after that: a new visit (of 2023).
                + line("36.72.1.1", "01/Jan/2023:00:40:00 +0800", "GET", "/dataset/c", 304, CHROME)
                + line("36.72.1.1", "01/Jan/2023:01:10:01 +0800", "POST", "/api/3/action/package_search", 200, CHROME)
                // Not counted: HEAD, a 404, a 301, a static file, robots.txt, a robot, an empty agent.
                + line("36.72.2.2", "02/Jan/2023:10:00:00 +0800", "HEAD", "/dataset/a", 200, CHROME)
                + line("36.72.2.2", "02/Jan/2023:10:00:00 +0800", "GET", "/nope", 404, CHROME)
                + line("36.72.2.2", "02/Jan/2023:10:00:00 +0800", "GET", "/old", 301, CHROME)
                + line("36.72.2.2", "02/Jan/2023:10:00:00 +0800", "GET", "/assets/LOGO.PNG?v=2", 200, CHROME)
                + line("36.72.2.2", "02/Jan/2023:10:00:00 +0800", "GET", "/robots.txt", 200, CHROME)
                + line("66.249.66.1", "02/Jan/2023:10:00:00 +0800", "GET", "/dataset/a", 200,
                        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
                + line("36.72.3.3", "02/Jan/2023:10:00:00 +0800", "GET", "/dataset/a", 200, "-")
                // A download counts; the same address with another agent is another visitor.
                + line("36.72.2.2", "02/Jan/2023:11:00:00 +0800", "GET", "/dataset/a/resource/1/download/a.csv", 200, CHROME)
                + line("36.72.2.2", "02/Jan/2023:11:00:05 +0800", "GET", "/dataset/a", 200, "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0");
        try (TestCity city = new TestCity(dir)) {
            city.population(200_000, 2022, 2023);
            city.load("portal", "access.log", "combined", log);
            IndicatorResult y2023 = city.compute(new PortalVisitsPer100k(), 2023);
            assertThat(y2023.numerator()).isEqualTo(3); // 01:10:01, 11:00:00 (Chrome), 11:00:05 (Firefox)
            assertThat(y2023.value()).isEqualTo(1.5);
            assertThat(y2023.details()).containsEntry("hits_method", 1L).containsEntry("hits_status", 2L)
                    .containsEntry("hits_static", 2L).containsEntry("hits_robot", 2L).containsEntry("coverage_days", 2);
            assertThat(city.compute(new PortalVisitsPer100k(), 2022).numerator()).isEqualTo(1);

            IndicatorResult longer = city.compute(new PortalVisitsPer100k(), 2023, Map.of("visit_window_minutes", 31));
            assertThat(longer.numerator()).isEqualTo(2); // 01:10:01 now continues the 2022 visit
            IndicatorResult human = city.compute(new PortalVisitsPer100k(), 2023, Map.of("human_patterns", List.of("googlebot")));
            assertThat(human.numerator()).isEqualTo(4);
        }
    }

    @Test
    void theYearOfAVisitIsTheCitysLocalYearWibAgainstWita() throws Exception {
        // 23:30 WIB on 31 Dec 2023 is 00:30 WITA on 1 Jan 2024. Lines come out of order and in mixed offsets:
        // 16:40 UTC (+0000) is ten minutes after the first hit, and continues its visit.
        String log = line("36.72.1.1", "31/Dec/2023:16:40:00 +0000", "GET", "/dataset/b", 200, CHROME)
                + line("36.72.1.1", "31/Dec/2023:23:30:00 +0700", "GET", "/dataset/a", 200, CHROME);
        try (TestCity city = new TestCity(dir)) {
            city.population(100_000, 2023, 2024);
            city.load("portal", "access.log", "combined", log);
            var wib = new id.sni37122.connectors.CityContext("uji", "Kota Uji", java.time.ZoneId.of("Asia/Pontianak"));
            var wita = TestCity.CITY;
            PortalVisitsPer100k visits = new PortalVisitsPer100k();
            assertThat(visits.compute(city.warehouse.connection(), wib, 2023, Map.of()).orElseThrow().numerator()).isEqualTo(1);
            assertThat(visits.compute(city.warehouse.connection(), wib, 2024, Map.of())).isEmpty();
            assertThat(visits.compute(city.warehouse.connection(), wita, 2023, Map.of())).isEmpty();
            assertThat(visits.compute(city.warehouse.connection(), wita, 2024, Map.of()).orElseThrow().numerator()).isEqualTo(1);
        }
    }

    @Test
    void withoutRawLogsTheAnalyticsExportIsUsedAndNamed() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("ga.csv"), "Month,Sessions\n2023-02,\"1,000\"\n");
        try (TestCity city = new TestCity(dir)) {
            city.population(200_000, 2023);
            // Matomo "Visits summary" by day (two days), and a Google Analytics month (Feb: 28 days).
            var matomo = city.load("portal", "matomo.csv", null, "date,nb_uniq_visitors,nb_visits,nb_actions\n"
                    + "2023-01-01,90,100,300\n2023-01-02,45,50,120\nbukan tanggal,1,2,3\n");
            assertThat(matomo.format()).isEqualTo("analytics-csv");
            assertThat(matomo.rowsLoaded()).isEqualTo(2);
            assertThat(matomo.rejectExamples()).singleElement().satisfies(x -> assertThat(x.line()).isEqualTo(4));
            city.load(new id.sni37122.connectors.SourceSpec("portal", "ga.csv", dir, "analytics-csv", null, Map.of(),
                    Map.of("tool", "Google Analytics 4 (Sessions)")));
            IndicatorResult r = city.compute(new PortalVisitsPer100k(), 2023);
            assertThat(r.numerator()).isEqualTo(150 + 1_000);
            assertThat(r.value()).isEqualTo(575.0);
            assertThat(r.details()).containsEntry("coverage_days", 30);
            assertThat((String) r.details().get("source_tool")).contains("nb_visits", "Google Analytics 4 (Sessions)");
            assertThat(r.warnings()).contains("warning.from_export");
        }
    }

    @Test
    void aProvinceWithoutItsOwnFigureUsesTheSumOfTheCitiesItLists() throws Exception {
        try (TestCity province = new TestCity(dir)) {
            // The config of "uji" (a province here) lists two cities for 2023 and nothing of its own.
            id.sni37122.connectors.population.PopulationConnector.loadInline(province.warehouse.connection(), TestCity.CITY, List.of(
                    new id.sni37122.connectors.population.PopulationEntry("kotaa", 2023, 300_000, "BPS A"),
                    new id.sni37122.connectors.population.PopulationEntry("kotab", 2023, 500_000, "BPS B")));
            province.load("portal", "access.log", "combined", line("36.72.1.1", "05/Mar/2023:10:00:00 +0800", "GET", "/dataset/a", 200, CHROME)
                    + line("36.72.1.2", "05/Mar/2023:10:00:00 +0800", "GET", "/dataset/a", 200, CHROME));
            IndicatorResult r = province.compute(new PortalVisitsPer100k(), 2023);
            assertThat(r.denominator()).isEqualTo(8.0);
            assertThat(r.value()).isEqualTo(0.25);
            assertThat((String) r.details().get("population_source")).contains("kotaa (BPS A)", "kotab (BPS B)");
            // Loading the config again replaces its list rather than adding to it.
            id.sni37122.connectors.population.PopulationConnector.loadInline(province.warehouse.connection(), TestCity.CITY, List.of(
                    new id.sni37122.connectors.population.PopulationEntry("kotaa", 2023, 300_000, "BPS A")));
            assertThat(province.compute(new PortalVisitsPer100k(), 2023).denominator()).isEqualTo(3.0);
        }
    }

    @Test
    void aVisitIsNotCountedTwiceWhenItsHitsArriveInTwoFiles() throws Exception {
        try (TestCity city = new TestCity(dir)) {
            city.population(100_000, 2023);
            city.load("portal", "access.log.1", "combined", line("36.72.1.1", "05/Mar/2023:10:00:00 +0800", "GET", "/dataset/a", 200, CHROME));
            city.load("portal", "access.log", "combined", line("36.72.1.1", "05/Mar/2023:10:05:00 +0800", "GET", "/dataset/b", 200, CHROME));
            assertThat(city.compute(new PortalVisitsPer100k(), 2023).numerator()).isEqualTo(1);
        }
    }

    @Test
    void noRawAddressIsStoredInAnyColumn() throws Exception {
        try (TestCity city = new TestCity(dir)) {
            city.load("portal", "access.log", "combined", line("36.72.1.1", "05/Mar/2023:10:00:00 +0800", "GET", "/dataset/a", 200, CHROME)
                    + "36.72.9.9 - - [05/Mar/2023:10:00:00 +0800] \"GET /x HTTP/1.1\" 200\n");
            var c = city.warehouse.connection();
            List<String[]> columns = new java.util.ArrayList<>();
            try (Statement s = c.createStatement(); var r = s.executeQuery(
                    "SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR'")) {
                while (r.next()) {
                    columns.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
            assertThat(columns).isNotEmpty();
            long rows = 0;
            for (String[] col : columns) {
                try (Statement s = c.createStatement(); var r = s.executeQuery("SELECT count(*) FILTER (WHERE \"" + col[1]
                        + "\" LIKE '%36.72.%'), count(*) FROM \"" + col[0] + "\"")) {
                    r.next();
                    assertThat(r.getLong(1)).as(col[0] + "." + col[1]).isZero();
                    rows += r.getLong(2);
                }
            }
            assertThat(rows).isPositive();
        }
    }

    /**
     * lnav's logfile_shop_access_log.0 (../shared/data/real/peer-logs, README there): 1 000 combined
     * lines of a shop; by the default rules they make 39 visits (counted by hand for the README).
     */
    @Test
    void lnavShopLogHas39Visits() throws Exception {
        Path log = SharedData.require("data/real/peer-logs/lnav/logfile_shop_access_log.0");
        try (TestCity city = new TestCity(dir)) {
            assertThat(city.load(new SourceSpec("portal", log.toString(), dir, "combined", null, Map.of(), Map.of())).rowsLoaded()).isEqualTo(1000);
            city.population(100_000, 2019);
            IndicatorResult r = city.compute(new PortalVisitsPer100k(), 2019);
            assertThat(r.numerator()).isEqualTo(39);
            assertThat(r.warnings()).doesNotContain("warning.no_user_agent");
        }
    }

    /** A log without user agents (common): robots cannot be told apart, and the result says so. */
    @Test
    void aLogWithoutUserAgentsWarns() throws Exception {
        try (TestCity city = new TestCity(dir)) {
            city.load("portal", "access.log", "common", "36.72.1.1 - - [05/Mar/2023:10:00:00 +0800] \"GET /dataset/a HTTP/1.1\" 200 5\n");
            city.population(100_000, 2023);
            IndicatorResult r = city.compute(new PortalVisitsPer100k(), 2023);
            assertThat(r.numerator()).isEqualTo(1);
            assertThat(r.warnings()).contains("warning.no_user_agent");
            assertThat(r.details()).containsEntry("hits_without_agent", 1L);
        }
    }
}
