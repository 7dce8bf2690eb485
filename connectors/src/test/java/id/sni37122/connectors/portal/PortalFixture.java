package id.sni37122.connectors.portal;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.Ingestor;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.Warehouse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Loads portal logs through the real Ingestor into a warehouse in a test's folder, and reads back what was stored. */
final class PortalFixture {

    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    final Path dir;

    PortalFixture(Path dir) {
        this.dir = dir;
    }

    FileOutcome load(String name, String format, Map<String, Object> options, String content) throws Exception {
        Files.writeString(dir.resolve(name), content, StandardCharsets.ISO_8859_1);
        return load(name, format, options);
    }

    FileOutcome load(String path, String format, Map<String, Object> options) throws Exception {
        return loadAll(path, format, options).get(0);
    }

    /** Every file a path (or glob) names, in one run. */
    List<FileOutcome> loadAll(String path, String format, Map<String, Object> options) throws Exception {
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
            return new Ingestor(w, new CityContext("uji", "Kota Uji", ZoneId.of("Asia/Makassar")), Map.of(), new byte[32])
                    .ingest(List.of(new SourceSpec("portal", path, dir, format, null, Map.of(), options)), null).files();
        }
    }

    List<Long> longs(String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb")); Statement s = w.connection().createStatement();
             ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getLong(1));
            }
        }
        return out;
    }

    List<String> strings(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb")); Statement s = w.connection().createStatement();
             ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** Visitor keys in time order. */
    List<Long> visitors() throws Exception {
        return longs("SELECT visitor FROM portal_hit ORDER BY ts, visitor");
    }

    /** The visitor key's formula: first 8 bytes of HMAC-SHA256(secret of 32 zero bytes, address + LF + agent). */
    static long visitorKey(String address, String agent) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        return ByteBuffer.wrap(mac.doFinal((agent == null ? address : address + "\n" + agent).getBytes(StandardCharsets.UTF_8))).getLong();
    }

    /** The agent key's formula: first 8 bytes of SHA-256 of the agent's UTF-8 text. */
    static long agentKey(String agent) throws Exception {
        return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(agent.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    /** A combined line at 01 March 2023, 10:00:{second} WITA, from {address}, with Chrome's agent. */
    static String line(String address, int second) {
        return address + " - - [01/Mar/2023:10:00:" + String.format("%02d", second) + " +0800] \"GET /dataset/a HTTP/1.1\" 200 5 \"-\" \""
                + CHROME + "\"\n";
    }
}
