package id.sni37122.connectors.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.Ingestor;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.Warehouse;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every log shape the portal connector reads, and the lines it must survive. */
class PortalConnectorTest {

    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    @TempDir
    Path dir;

    private FileOutcome load(String name, String format, Map<String, Object> options, String content) throws Exception {
        Files.writeString(dir.resolve(name), content, StandardCharsets.ISO_8859_1);
        return load(name, format, options);
    }

    private FileOutcome load(String name, String format, Map<String, Object> options) throws Exception {
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
            return new Ingestor(w, new CityContext("uji", "Kota Uji", ZoneId.of("Asia/Makassar")), Map.of(), new byte[32])
                    .ingest(List.of(new SourceSpec("portal", name, dir, format, null, Map.of(), options)), null).files().get(0);
        }
    }

    /** "epoch method status ext host agentKnown" per stored hit, in time order. */
    private List<String> hits() throws Exception {
        List<String> out = new ArrayList<>();
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb")); Statement s = w.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT ts, m.term, status, e.term, o.term, agent_key IS NOT NULL FROM portal_hit h "
                     + "JOIN portal_term m ON m.code = h.method LEFT JOIN portal_term e ON e.code = h.ext "
                     + "LEFT JOIN portal_term o ON o.code = h.host ORDER BY ts, m.term")) {
            while (r.next()) {
                out.add(r.getLong(1) + " " + r.getString(2) + " " + r.getInt(3) + " " + r.getString(4) + " " + r.getString(5) + " "
                        + r.getBoolean(6));
            }
        }
        return out;
    }

    private long distinctVisitors() throws Exception {
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb")); Statement s = w.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT count(DISTINCT visitor) FROM portal_hit")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * The files of one source share their emptied batches (PortalConnector keeps them): a small file
     * and then one of more lines than a batch holds each load whole, with their own totals.
     */
    @Test
    void aLongFileAfterAShortOneOfTheSameSourceLoadsWhole() throws Exception {
        String line = "36.72.1.%d - - [01/Mar/2023:10:%02d:%02d +0800] \"GET /dataset/a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\"\n";
        Files.writeString(dir.resolve("access-1.log"), String.format(line, 1, 0, 0) + String.format(line, 2, 0, 1));
        int lines = HitBatch.SIZE + 1000;
        StringBuilder longer = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            longer.append(String.format(line, i % 200, i / 60 % 60, i % 60));
        }
        Files.writeString(dir.resolve("access-2.log"), longer);

        List<FileOutcome> files;
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
            files = new Ingestor(w, new CityContext("uji", "Kota Uji", ZoneId.of("Asia/Makassar")), Map.of(), new byte[32])
                    .ingest(List.of(new SourceSpec("portal", "access-*.log", dir, "combined", null, Map.of(), Map.of())), null).files();
        }

        assertThat(files).extracting(FileOutcome::rowsRead).containsExactly(2L, (long) lines);
        assertThat(files).extracting(FileOutcome::rowsLoaded).containsExactly(2L, (long) lines);
        assertThat(hits()).hasSize(lines + 2);
    }

    @Test
    void combinedWithLinesToSurvive() throws Exception {
        String log = ""
                + "36.72.1.1 - - [01/Mar/2023:10:00:00 +0800] \"GET /dataset/a?x=1 HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\"\n"
                + "2001:db8::1 - - [01/Mar/2023:10:00:01 +0800] \"GET /dataset/a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\"\n"
                + "klien.example.id - - [01/Mar/2023:10:00:02 +0800] \"GET /dataset/a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\"\n"
                + "36.72.1.1 - - [30/Feb/2023:10:00:03 +0800] \"GET /dataset/a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\"\n"
                + "36.72.1.1 - - [01/Mar/2023:10:00:04 +0800] \"GET /dataset/a HTTP/1.1\" 200 5 \"-\" \"Mozilla/5.0 (Win\n"
                + "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003\n"
                + "36.72.1.1 - - [01/Mar/2023:10:00:05 +0800] \"GET /dataset/a HTTP/1.1\" 200\n"
                + "\n"
                // An earlier line after a later one, in another offset: 01:59:59 UTC is 09:59:59 WITA.
                + "36.72.1.1 - - [01/Mar/2023:01:59:59 +0000] \"GET /Static/LOGO.PNG?v=2 HTTP/1.1\" 304 0 \"-\" \"" + CHROME + "\"\n";
        FileOutcome outcome = load("access.log", "combined", Map.of(), log);
        assertThat(outcome.rowsRead()).isEqualTo(8); // the blank line is not a line of data
        assertThat(outcome.rowsLoaded()).isEqualTo(4); // IPv6 and host-name visitors are visitors
        assertThat(outcome.rejectReasons()).containsOnly(
                Map.entry("portal.bad_time", 1L), Map.entry("portal.unterminated_quote", 1L),
                Map.entry("portal.binary_line", 1L), Map.entry("portal.truncated_line", 1L));
        assertThat(outcome.rejectExamples()).extracting(x -> x.line()).containsExactly(4L, 5L, 6L);
        assertThat(hits()).containsExactly("1677635999 GET 304 png null true", "1677636000 GET 200 null null true",
                "1677636001 GET 200 null null true", "1677636002 GET 200 null null true");
    }

    /** More rejects than one stream holds: each is recorded at its line, and every good line between them still loads. */
    @Test
    void aLogFullOfBadLinesLosesNoGoodOne() throws Exception {
        int pairs = HitStream.MAX_PENDING_REJECTS * 2 + 500;
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < pairs; i++) {
            log.append("36.72.1.").append(i % 250).append(" - - [01/Mar/2023:10:00:00 +0800] \"GET /dataset/a HTTP/1.1\" 200 5 \"-\" \"")
                    .append(CHROME).append("\"\n");
            log.append("36.72.2.").append(i % 250).append(" - - [01/Mar/2023:10:00:00 +2400] \"GET / HTTP/1.1\" 200 5 \"-\" \"-\"\n");
        }
        FileOutcome outcome = load("access.log", "combined", Map.of(), log.toString());
        assertThat(outcome.rowsRead()).isEqualTo(2L * pairs);
        assertThat(outcome.rowsLoaded()).isEqualTo(pairs);
        assertThat(outcome.rejectReasons()).containsExactly(Map.entry("portal.bad_time", (long) pairs));
        assertThat(distinctVisitors()).isEqualTo(250);
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb")); Statement s = w.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT count(*), min(line), max(line), count(DISTINCT line) FROM rejected_row")) {
            r.next();
            assertThat(List.of(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)))
                    .containsExactly((long) pairs, 2L, 2L * pairs, (long) pairs);
        }
    }

    @Test
    void commonHasNoAgentAndAGzipIsFoundByItsContent() throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("access.log.1")))) {
            out.write(("36.72.1.1 - - [01/Mar/2023:10:00:00 +0800] \"GET /dataset/a.csv HTTP/1.1\" 200 5\n"
                    + "36.72.1.2 - frank [01/Mar/2023:10:00:01 +0800] \"POST /api/3/action/package_search HTTP/1.0\" 200 5\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
        FileOutcome outcome = load("access.log.1", "common", Map.of());
        assertThat(outcome.rowsLoaded()).isEqualTo(2);
        assertThat(hits()).containsExactly("1677636000 GET 200 csv null false", "1677636001 POST 200 null null false");
        assertThat(distinctVisitors()).isEqualTo(2);
    }

    @Test
    void vhostCombinedCountsOnlyThePortalsHosts() throws Exception {
        String log = ""
                + "data.kotauji.go.id:443 36.72.1.1 - - [01/Mar/2023:10:00:00 +0800] \"GET /dataset HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\"\n"
                + "DATA.kotauji.go.id:80 36.72.1.1 - - [01/Mar/2023:10:00:01 +0800] \"GET /dataset HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\"\n"
                + "www.kotauji.go.id:443 36.72.1.1 - - [01/Mar/2023:10:00:02 +0800] \"GET / HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\"\n";
        FileOutcome outcome = load("other_vhosts_access.log", "vhost_combined", Map.of("hosts", List.of("data.kotauji.go.id")), log);
        assertThat(outcome.rowsRead()).isEqualTo(3);
        assertThat(outcome.rowsLoaded()).isEqualTo(2);
        assertThat(outcome.details()).containsEntry("other_host", 1L);
        assertThat(hits()).extracting(h -> h.split(" ")[4]).containsOnly("data.kotauji.go.id");
    }

    @Test
    void forwardedForGivesTheFirstPublicAddress() throws Exception {
        String log = ""
                // Behind the proxy 10.0.0.2: the visitor is 36.72.1.1 (the private 192.168.1.5 is skipped) in both lines...
                + "10.0.0.2 - - [01/Mar/2023:10:00:00 +0800] \"GET /a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\" \"192.168.1.5, 36.72.1.1\"\n"
                + "10.0.0.2 - - [01/Mar/2023:10:01:00 +0800] \"GET /b HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\" \"36.72.1.1\"\n"
                // ...and another visitor behind the same proxy is someone else.
                + "10.0.0.2 - - [01/Mar/2023:10:02:00 +0800] \"GET /c HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\" \"36.72.9.9\"\n";
        assertThat(load("access.log", "combined", Map.of(), log).rowsLoaded()).isEqualTo(3);
        assertThat(distinctVisitors()).isEqualTo(2);
    }

    /**
     * The stored keys are exactly their formulas: visitor = first 8 bytes of HMAC-SHA256(secret,
     * address + LF + agent), agent = first 8 bytes of SHA-256 of the agent's UTF-8 text, with
     * escaped quotes unescaped. A year loaded partly by an earlier version and partly by this one
     * must give the same visitor the same key, or a visit would split where the runs meet.
     */
    @Test
    void visitorAndAgentKeysAreTheirFormulas() throws Exception {
        String agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0 \"Pak Budi\" ganteng \u00e9";
        String logged = new String(agent.replace("\"", "\\\"").getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String log = "36.72.1.1 - - [01/Mar/2023:10:00:00 +0800] \"GET /a HTTP/1.1\" 200 5 \"-\" \"" + logged + "\"\n"
                + "10.0.0.2 - - [01/Mar/2023:10:00:01 +0800] \"GET /b HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\" \"192.168.1.5, 36.72.9.9\"\n";
        assertThat(load("access.log", "combined", Map.of(), log).rowsLoaded()).isEqualTo(2);

        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
        long firstVisitor = java.nio.ByteBuffer.wrap(mac.doFinal(("36.72.1.1\n" + agent).getBytes(StandardCharsets.UTF_8))).getLong();
        long secondVisitor = java.nio.ByteBuffer.wrap(mac.doFinal(("36.72.9.9\n" + CHROME).getBytes(StandardCharsets.UTF_8))).getLong();
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        long agentKey = java.nio.ByteBuffer.wrap(sha.digest(agent.getBytes(StandardCharsets.UTF_8))).getLong();
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb")); Statement s = w.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT h.visitor, h.agent_key, u.agent FROM portal_hit h JOIN user_agent u USING (agent_key) ORDER BY ts")) {
            r.next();
            assertThat(List.of(r.getLong(1), r.getLong(2), r.getString(3))).containsExactly(firstVisitor, agentKey, agent);
            r.next();
            assertThat(r.getLong(1)).isEqualTo(secondVisitor);
        }
    }

    @Test
    void customApacheAndNginxPatterns() throws Exception {
        String apache = "%v %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\" %D";
        String log = "data.kotauji.go.id 36.72.1.1 - - [01/Mar/2023:10:00:00 +0800] \"GET /dataset/a.json HTTP/1.1\" 200 512 \"-\" \""
                + CHROME + "\" 1234\n";
        FileOutcome a = load("apache.log", "custom", Map.of("pattern", apache), log);
        assertThat(a.error()).isNull();
        assertThat(a.rowsLoaded()).isEqualTo(1);

        String nginx = "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent \"$http_referer\" "
                + "\"$http_user_agent\" rt=$request_time";
        String nlog = "36.72.1.2 - - [01/Mar/2023:11:00:00 +0800] \"HEAD / HTTP/1.1\" 301 0 \"-\" \"curl/8.0\" rt=0.002\n"
                + "36.72.1.2 - - [01/Mar/2023:11:00:01 +0800] \"GET / HTTP/1.1\" 200 0 \"-\"\n";
        FileOutcome n = load("nginx.log", "custom", Map.of("pattern", nginx), nlog);
        assertThat(n.rowsLoaded()).isEqualTo(1);
        assertThat(n.rejectReasons()).containsOnlyKeys("portal.truncated_line");
        assertThat(hits()).containsExactly("1677636000 GET 200 json data.kotauji.go.id true", "1677639600 HEAD 301 null null true");
    }

    @Test
    void aLogWrittenWhileItLoadsIsReadOnlyAsFarAsItWasHashed() throws Exception {
        String first = "36.72.1.1 - - [01/Mar/2023:10:00:00 +0800] \"GET /a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\"\n";
        String second = "36.72.1.2 - - [01/Mar/2023:10:00:01 +0800] \"GET /b HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\"\n";
        Path log = Files.writeString(dir.resolve("access.log"), first + second, StandardCharsets.ISO_8859_1);
        long sizeWhenStarted = first.length();
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
            var c = w.connection();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT 1"); // opens the transaction, as the Ingestor does
            }
            try (var rejects = new id.sni37122.connectors.Rejects(c, 1)) {
                var ctx = new id.sni37122.connectors.LoadContext(c, new CityContext("uji", "Kota Uji", ZoneId.of("Asia/Makassar")),
                        new SourceSpec("portal", "access.log", dir, "combined", null, Map.of(), Map.of()), log, "combined", 1, rejects,
                        Map.of(), new byte[32], 0, 0, sizeWhenStarted);
                var load = new PortalConnector().load(ctx);
                assertThat(load.rowsRead()).isEqualTo(1);
                assertThat(load.rowsLoaded()).isEqualTo(1);
            }
            c.rollback();
        }
    }
}
