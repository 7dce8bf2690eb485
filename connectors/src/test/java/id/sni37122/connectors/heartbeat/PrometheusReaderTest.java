package id.sni37122.connectors.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.Ingestor;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prometheus answers as Prometheus and promtool write them, including Uptime Kuma's own metrics
 * scraped by Prometheus: {@code monitor_status} with the labels of louislam/uptime-kuma's
 * {@code server/prometheus.js} (monitor_name, monitor_type, monitor_url, monitor_hostname,
 * monitor_port; monitor_id since 2.x), and the scrape's {@code instance} and {@code job}, which
 * are the Kuma server's.
 */
class PrometheusReaderTest {

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

    private FileOutcome load(String name, String content, Map<String, Object> options) throws Exception {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        SourceSpec spec = new SourceSpec("heartbeats", name, dir, null, null, Map.of(), options);
        return new Ingestor(warehouse, CITY, Map.of(), new byte[32]).ingest(List.of(spec), null).files().get(0);
    }

    /** "key | name | time | status" in key and time order. */
    private List<String> rows() throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = warehouse.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT monitor_key, monitor, strftime(ts, '%H:%M'), status FROM heartbeat ORDER BY monitor_key, ts")) {
            while (r.next()) {
                out.add(r.getString(1) + " | " + r.getString(2) + " | " + r.getString(3) + " | " + r.getString(4));
            }
        }
        return out;
    }

    @Test
    void kumaMonitorStatusScrapedByPrometheusIsOneMonitorPerMonitorNameWithPendingAndMaintenance() throws Exception {
        // 1735689600 = 2025-01-01 00:00 UTC; a 60 s step.
        FileOutcome out = load("kuma.json", """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"__name__":"monitor_status","instance":"kuma.kota.go.id:3001","job":"uptime-kuma",
                             "monitor_name":"Portal Satu Data","monitor_type":"http","monitor_url":"https://data.kota.go.id",
                             "monitor_hostname":"null","monitor_port":"null"},
                   "values":[[1735689600,"1"],[1735689660,"2"],[1735689720,"0"],[1735689780,"1"]]},
                  {"metric":{"__name__":"monitor_status","instance":"kuma.kota.go.id:3001","job":"uptime-kuma",
                             "monitor_name":"e-Office","monitor_type":"http","monitor_url":"https://eoffice.kota.go.id",
                             "monitor_hostname":"null","monitor_port":"null"},
                   "values":[[1735689600,"3"],[1735689660,"3"],[1735689720,"1"],[1735689780,"4"]]}
                ]}}
                """, Map.of());
        assertThat(out.status()).as(String.valueOf(out.error())).isEqualTo(FileOutcome.Status.LOADED);
        assertThat(rows()).containsExactly(
                "prometheus:kuma.kota.go.id:3001/uptime-kuma/Portal Satu Data | Portal Satu Data | 00:00 | up",
                "prometheus:kuma.kota.go.id:3001/uptime-kuma/Portal Satu Data | Portal Satu Data | 00:01 | pending",
                "prometheus:kuma.kota.go.id:3001/uptime-kuma/Portal Satu Data | Portal Satu Data | 00:02 | down",
                "prometheus:kuma.kota.go.id:3001/uptime-kuma/Portal Satu Data | Portal Satu Data | 00:03 | up",
                "prometheus:kuma.kota.go.id:3001/uptime-kuma/e-Office | e-Office | 00:00 | maintenance",
                "prometheus:kuma.kota.go.id:3001/uptime-kuma/e-Office | e-Office | 00:01 | maintenance",
                "prometheus:kuma.kota.go.id:3001/uptime-kuma/e-Office | e-Office | 00:02 | up");
        assertThat(out.rejectReasons()).containsExactly(Map.entry("heartbeat.prometheus_bad_value", 1L)); // 4 is no Kuma status
        assertThat(out.details()).containsEntry("monitors", 2).containsEntry("step_seconds", 60);
    }

    @Test
    void promtoolsBareResultArrayIsRead() throws Exception {
        // promtool query range -o json prints data.result alone.
        FileOutcome out = load("promtool.json", """
                [{"metric":{"__name__":"up","instance":"srv-email:9100","job":"node"},"values":[[1735689600,"1"],[1735689900,"0"]]}]
                """, Map.of());
        assertThat(out.status()).as(String.valueOf(out.error())).isEqualTo(FileOutcome.Status.LOADED);
        assertThat(rows()).containsExactly("prometheus:node/srv-email:9100 | srv-email:9100 | 00:00 | up",
                "prometheus:node/srv-email:9100 | srv-email:9100 | 00:05 | down");
    }

    @Test
    void aKeyWrittenTwiceIsRefusedNotCountedTwice() throws Exception {
        FileOutcome out = load("twice.json", """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"instance":"a"},"values":[[1735689600,"0"]],"values":[[1735689600,"0"]]}
                ]}}
                """, Map.of());
        assertThat(out.status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(out.error()).contains("twice.json", ":2", "values");
        assertThat(rows()).isEmpty();
    }

    @Test
    void avgOverTimeFractionsBelowDownBelowAreDown() throws Exception {
        String answer = """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"instance":"https://data.kota.go.id","job":"blackbox"},
                   "values":[[1735689600,"1"],[1735689900,"0.95"],[1735690200,"0.5"],[1735690500,"0"]]}
                ]}}
                """;
        load("avg.json", answer, Map.of());
        assertThat(rows()).extracting(r -> r.substring(r.lastIndexOf(' ') + 1)).containsExactly("up", "down", "down", "down");
        // The same answer read with another down_below is read again.
        FileOutcome tolerant = load("avg.json", answer, Map.of("down_below", 0.9));
        assertThat(tolerant.status()).as(String.valueOf(tolerant.error())).isEqualTo(FileOutcome.Status.REPLACED);
        assertThat(rows()).extracting(r -> r.substring(r.lastIndexOf(' ') + 1)).containsExactly("up", "up", "down", "down");
    }

    @Test
    void a200MegabyteAnswerIsReadWithAOneGigabyteHeap() throws Exception {
        // In a JVM of its own with -Xmx1g: the answer (avg_over_time fractions) is written as a stream to a
        // temporary file, read, deleted.
        Path file = dir.resolve("big.json");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), PrometheusBigAnswer.class.getName(), file.toString(), "200")
                .redirectErrorStream(true).redirectOutput(dir.resolve("big.out").toFile()).start();
        assertThat(java.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(dir.resolve("big.out")).strip();
        assertThat(java.exitValue()).as(printed).isZero();
        assertThat(Files.size(file)).isGreaterThan(200_000_000L);
        Files.delete(file);
        String[] words = printed.lines().reduce((a, b) -> b).orElse("").split(" ");
        long samples = Long.parseLong(words[0]) * PrometheusBigAnswer.SAMPLES;
        assertThat(words).as(printed).startsWith(words[0], String.valueOf(samples), String.valueOf(samples), "LOADED");
    }
}
