package id.sni37122.connectors.heartbeat;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.Ingestor;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.Warehouse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Run in a JVM of its own with a small heap by {@code PrometheusReaderTest}: writes a Prometheus
 * answer of about {@code args[1]} megabytes to {@code args[0]} as a stream (the fractions of an
 * {@code avg_over_time(probe_success[1m])} query, read with {@code down_below: 0.5}), loads it into a
 * warehouse beside it and prints the samples read and loaded. A reader that held the answer in
 * memory fails here with an OutOfMemoryError.
 */
public final class PrometheusBigAnswer {

    /** Samples per series: a day at a 15-second step. */
    static final int SAMPLES = 5760;

    private PrometheusBigAnswer() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long series = write(file, Long.parseLong(args[1]) * 1_000_000);
        try (Warehouse warehouse = Warehouse.open(file.resolveSibling("big.duckdb"))) {
            SourceSpec spec = new SourceSpec("heartbeats", file.getFileName().toString(), file.getParent(), "prometheus", null,
                    Map.of(), Map.of("down_below", 0.5));
            FileOutcome out = new Ingestor(warehouse, new CityContext("uji", "Kota Uji", ZoneId.of("Asia/Makassar")), Map.of(),
                    new byte[32]).ingest(List.of(spec), null).files().get(0);
            System.out.println(series + " " + out.rowsRead() + " " + out.rowsLoaded() + " " + out.status() + " " + out.error());
        }
    }

    /** Series of {@link #SAMPLES} samples each, compact as Prometheus writes them, until the file has {@code bytes}; returns how many. */
    static long write(Path file, long bytes) throws IOException {
        long series = 0;
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
            StringBuilder s = new StringBuilder(SAMPLES * 20);
            while (written < bytes) {
                s.setLength(0);
                s.append(series == 0 ? "" : ",").append("{\"metric\":{\"__name__\":\"probe_success\",\"instance\":\"https://layanan-")
                        .append(series).append(".kota.go.id\",\"job\":\"blackbox_http\"},\"values\":[");
                for (int i = 0; i < SAMPLES; i++) {
                    s.append(i == 0 ? "" : ",").append('[').append(1_735_660_800L + 15L * i).append(",\"")
                            .append(i % 997 == 5 ? "0.25" : "0.9833333333333333").append("\"]");
                }
                s.append("]}");
                w.append(s);
                written += s.length();
                series++;
            }
            w.write("]}}");
        }
        return series;
    }
}
