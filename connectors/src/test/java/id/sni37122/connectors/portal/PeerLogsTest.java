package id.sni37122.connectors.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.Ingestor;
import id.sni37122.connectors.SharedData;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other log analysers' own test logs, read in place from ../shared/data/real/peer-logs (README
 * there): lnav's test/ fixtures (tstack/lnav at bb0005f9) and Matomo's importer samples, whose
 * expected fields are in matomo-org/matomo-log-analytics tests/test_main.py. Each expectation
 * below says where it comes from: that project's test, or a count by hand of the file's lines.
 */
class PeerLogsTest {

    @TempDir
    Path dir;

    private FileOutcome load(String file, String format, Map<String, Object> options) throws Exception {
        return loadPath(SharedData.require("data/real/peer-logs/" + file), format, options);
    }

    /**
     * For the two Matomo samples whose last line has no line end: a log written within five minutes
     * holds such a line back for the next run (LogTail), and ../shared may have been laid down
     * moments before the tests run. A copy dated an hour ago is a finished file, whenever it was laid.
     */
    private FileOutcome loadFinished(String file, String format) throws Exception {
        Path copy = Files.copy(SharedData.require("data/real/peer-logs/" + file), Files.createTempDirectory(dir, "finished").resolve(Path.of(file).getFileName()));
        Files.setLastModifiedTime(copy, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        return loadPath(copy, format, Map.of());
    }

    private FileOutcome loadPath(Path log, String format, Map<String, Object> options) throws Exception {
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
            return new Ingestor(w, new CityContext("peer", "Peer", ZoneId.of("UTC")), Map.of(), new byte[32])
                    .ingest(List.of(new SourceSpec("portal", log.toString(), dir, format, ZoneOffset.UTC, Map.of(), options)), null)
                    .files().get(0);
        }
    }

    private PortalFixture stored() {
        return new PortalFixture(dir);
    }

    /** "epoch method status ext host" of each stored hit, in time order. */
    private List<String> hits() throws Exception {
        return stored().strings("SELECT ts || ' ' || m.term || ' ' || status || ' ' || coalesce(e.term, '-') || ' ' || coalesce(o.term, '-') "
                + "FROM portal_hit h JOIN portal_term m ON m.code = h.method LEFT JOIN portal_term e ON e.code = h.ext "
                + "LEFT JOIN portal_term o ON o.code = h.host ORDER BY ts, status");
    }

    private List<String> agents() throws Exception {
        return stored().strings("SELECT agent FROM user_agent ORDER BY agent");
    }

    /** lnav access_log.0: three combined lines, by hand; its _dupe copy is the same content, so it loads nothing again. */
    @Test
    void lnavAccessLogAndItsDuplicate() throws Exception {
        FileOutcome first = load("lnav/logfile_access_log.0", "combined", Map.of());
        assertThat(List.of(first.rowsRead(), first.rowsLoaded(), first.rowsRejected())).containsExactly(3L, 3L, 0L);
        // 20/Jul/2009:22:59:26 +0000 is 1248130766
        assertThat(hits()).containsExactly("1248130766 GET 200 - -", "1248130769 GET 200 gz -", "1248130769 GET 404 gz -");
        assertThat(load("lnav/logfile_access_log_dupe.0", "combined", Map.of()).status()).isEqualTo(FileOutcome.Status.SKIPPED);
        assertThat(stored().longs("SELECT count(*) FROM portal_hit")).containsExactly(3L);
    }

    /** lnav access_log.1 is a single {@code "-" 400} line: a connection that sent no request, filtered by its method, never rejected. */
    @Test
    void lnavRequestThatNeverCame() throws Exception {
        FileOutcome outcome = load("lnav/logfile_access_log.1", "combined", Map.of());
        assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsRejected())).containsExactly(1L, 1L, 0L);
        assertThat(hits()).containsExactly("1360908031 - 400 - -");
    }

    /** lnav bad_access_log.0: line 2 lacks the ident and user fields (lnav's test marks it invalid); lines 1 and 3 load. */
    @Test
    void lnavBadLine() throws Exception {
        FileOutcome outcome = load("lnav/logfile_bad_access_log.0", "combined", Map.of());
        assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsRejected())).containsExactly(3L, 2L, 1L);
        assertThat(outcome.rejectExamples()).extracting(x -> x.line()).containsExactly(2L);
    }

    /** lnav regexp_access_log.0: vhost with port, ident, user and %D, read through the equivalent LogFormat. */
    @Test
    void lnavVhostWithDurationThroughAPattern() throws Exception {
        FileOutcome outcome = load("lnav/logfile_regexp_access_log.0", "custom",
                Map.of("pattern", "%v %h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\" %D"));
        assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded())).containsExactly(2L, 2L);
        assertThat(hits()).extracting(h -> h.substring(h.indexOf(' ') + 1)).containsExactly("GET 200 jspa localhost", "GET 200 jspa localhost");
    }

    /** lnav shop_access_log.0: 1 000 combined lines with a quoted X-Forwarded-For ("-"), every one readable. */
    @Test
    void lnavShopLog() throws Exception {
        FileOutcome outcome = load("lnav/logfile_shop_access_log.0", "combined", Map.of());
        assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsRejected())).containsExactly(1000L, 1000L, 0L);
    }

    /** lnav caddy_log.0 (a docker-compose prefix, Caddy's start-up messages around 4 access entries) and caddy_log.1, by hand. */
    @Test
    void lnavCaddyLogs() throws Exception {
        FileOutcome prefixed = load("lnav/logfile_caddy_log.0", "caddy", Map.of());
        assertThat(List.of(prefixed.rowsRead(), prefixed.rowsLoaded(), prefixed.rowsRejected())).containsExactly(4L, 4L, 0L);
        FileOutcome plain = load("lnav/logfile_caddy_log.1", "caddy", Map.of());
        assertThat(List.of(plain.rowsRead(), plain.rowsLoaded(), plain.rowsRejected())).containsExactly(4L, 4L, 0L);
        // "host":"mirrors.tnonline.net:400" loses its port; ts 1716723772.6014807 is that second
        assertThat(hits()).containsExactly("1716723772 GET 200 xz mirrors.tnonline.net", "1716723830 GET 200 xml mirrors.tnonline.net",
                "1716723840 GET 200 gz mirrors.tnonline.net", "1716732963 GET 200 css mirrors.tnonline.net", "1761019828 GET 304 - localhost",
                "1761019859 GET 304 - localhost", "1761019942 GET 304 - localhost", "1761019957 GET 200 html localhost");
        // client_ip (the visitor behind Caddy's trusted proxy), IPv6 in the fourth entry
        assertThat(stored().longs("SELECT visitor FROM portal_hit WHERE ts = 1716732963")).containsExactly(PortalFixture.visitorKey(
                "240e:1:1::1234", stored().strings("SELECT agent FROM user_agent u JOIN portal_hit h USING (agent_key) WHERE ts = 1716732963").get(0)));
    }

    /** lnav w3c.0: IIS, + for a space in the agent; 2002-05-02 17:42:15 UTC. */
    @Test
    void lnavW3cIis() throws Exception {
        FileOutcome outcome = load("lnav/logfile_w3c.0", "w3c", Map.of());
        assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded())).containsExactly(1L, 1L);
        assertThat(hits()).containsExactly("1020361335 GET 200 jpg -");
        assertThat(agents()).containsExactly("Mozilla/4.0 (compatible;MSIE 5.5; Windows 2000 Server)");
    }

    /** lnav w3c.1: Oracle Web Cache, fields in another order and #GMT-Offset: -0800 (00:00:18 local is 08:00:18 UTC). */
    @Test
    void lnavW3cWithGmtOffset() throws Exception {
        FileOutcome outcome = load("lnav/logfile_w3c.1", "w3c", Map.of());
        assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded())).containsExactly(1L, 1L);
        assertThat(hits()).containsExactly("1004515218 GET 200 gif -");
    }

    /** lnav w3c.2: an IIS FTP log, time without date (the #Date: directive's), no user agent: said in the load's note. */
    @Test
    void lnavW3cFtpWithoutAgent() throws Exception {
        FileOutcome outcome = load("lnav/logfile_w3c.2", "w3c", Map.of());
        assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded())).containsExactly(14L, 14L);
        assertThat(outcome.details()).containsEntry("no_agent_field", true);
        assertThat(outcome.note()).contains("w3c");
        assertThat(hits()).first().isEqualTo("971109889 [2]PASS 230 - -"); // 2000-10-09 16:44:49 UTC; FTP commands fail 10.1's method rule
    }

    /**
     * Matomo's iis_custom.log (= lnav w3c.3): IIS Advanced Logging with date-local, quoted fields
     * and "" inside one. test_iis_custom_format expects 200 from 70.95.0.0 and 404 from 173.5.0.0 at
     * 2012-08-15 17:00 with these agents; its second hit has the address "-", which is no visitor here.
     */
    @Test
    void matomoIisCustom() throws Exception {
        FileOutcome outcome = load("matomo/iis_custom.log", "w3c", Map.of());
        assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded())).containsExactly(3L, 2L);
        assertThat(outcome.rejectReasons()).containsOnly(Map.entry("portal.bad_address", 1L));
        assertThat(hits()).containsExactly("1345050000 GET 200 - xzy.example.com", "1345050000 GET 404 - hello.example.com");
        assertThat(stored().longs("SELECT visitor FROM portal_hit ORDER BY status")).containsExactly(
                PortalFixture.visitorKey("70.95.0.0", "Mozilla/5.0 (Linux; Android 4.4.4; SM-G900V Build/KTU84P) AppleWebKit/537.36 "
                        + "(KHTML, like Gecko) Chrome/39.0.2171.59 Mobile Safari/537.36"),
                PortalFixture.visitorKey("173.5.0.0", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10_1) AppleWebKit/537.36 "
                        + "(KHTML, like Gecko) Chrome/37.0.2062.124 Safari/537.36"));
    }

    /**
     * Matomo's incapsula_w3c.log (= lnav w3c.4): every field quoted. test_incapsulaw3c_parsing: 200
     * at 2017-06-28 07:26:35 for /page.php, and 2017-06-26 18:21:17; the second line's sc-status is
     * empty (the request closed without a response), so its status is unknown here (0), filtered by
     * 10.1's status rule, not counted as Matomo's 200.
     */
    @Test
    void matomoIncapsula() throws Exception {
        FileOutcome outcome = load("matomo/incapsula_w3c.log", "w3c", Map.of());
        assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded())).containsExactly(2L, 2L);
        assertThat(hits()).containsExactly("1498501277 GET 0 - -", "1498634795 GET 200 php -");
    }

    /** lnav w3c.5 names no c-ip and no sc-status in #Fields: nothing can load, and the file fails saying so. */
    @Test
    void lnavW3cWithoutTheFieldsNeeded() throws Exception {
        FileOutcome outcome = load("lnav/logfile_w3c.5", "w3c", Map.of());
        assertThat(outcome.status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(outcome.error()).contains("#Fields:");
    }

    /** lnav w3c.6 and w3c_big.0: IIS 8.5, non-ASCII in an agent; 254 lines of which 44 are directives. */
    @Test
    void lnavW3cBig() throws Exception {
        FileOutcome one = load("lnav/logfile_w3c.6", "w3c", Map.of());
        assertThat(one.rowsLoaded()).isEqualTo(1);
        assertThat(agents()).containsExactly("\u00c4\u00d6\u00dc\u00e4\u00f6\u00fc\\\u00df\u00df\u00dfM\u00f6zill\u00e4/5.0 (compatible; bingbot/2.0;  http://www.bing.com/bingbot.htm)");
        FileOutcome big = load("lnav/logfile_w3c_big.0", "w3c", Map.of());
        assertThat(List.of(big.rowsRead(), big.rowsLoaded(), big.rowsRejected())).containsExactly(210L, 210L, 0L);
    }

    /** Matomo's common.log, common.log.gz and common.log.bz2: a line each (three different ones), found by content; no agent field, said. */
    @Test
    void matomoCommonPlainGzipBzip2() throws Exception {
        for (String f : List.of("matomo/common.log", "matomo/common.log.gz", "matomo/common.log.bz2")) {
            FileOutcome outcome = load(f, "common", Map.of());
            assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded())).as(f).containsExactly(1L, 1L);
            assertThat(outcome.note()).as(f).contains("common");
        }
        // 10/Feb/2012:16:42:07 -0500, 10/Feb/2012:16:42:07 -0700, 19/Feb/2012:16:42:07 -0700
        assertThat(hits()).containsExactly("1328910127 GET 301 - -", "1328917327 POST 200 - -", "1329694927 POST 200 - -");
    }

    /** Matomo's text samples (test_format_parsing reads each as its format): by hand, one hit each, four in static_ignores. */
    @Test
    void matomoTextSamples() throws Exception {
        assertThat(load("matomo/common_complete.log", "vhost_combined", Map.of()).rowsLoaded()).isEqualTo(1);
        assertThat(load("matomo/ncsa_extended.log", "combined", Map.of()).rowsLoaded()).isEqualTo(1);
        assertThat(loadFinished("matomo/icecast2.log", "combined").rowsLoaded()).isEqualTo(1); // a session-time field after the agent
        assertThat(load("matomo/static_ignores.log", "vhost_combined", Map.of()).rowsLoaded()).isEqualTo(4);
        // logs_to_tests.log: 3 tracking requests, a blank line, a "# comment" (rejected: no web server writes one) and a
        // HEAD whose length is "-" ("should not error out", says the file)
        FileOutcome tests = loadFinished("matomo/logs_to_tests.log", "combined");
        assertThat(List.of(tests.rowsRead(), tests.rowsLoaded(), tests.rowsRejected())).containsExactly(5L, 4L, 1L);
        assertThat(tests.rejectExamples()).extracting(x -> x.line()).containsExactly(5L);
    }

    /** Matomo's nginx_json.log (no method field: taken as GET, said) and traefik_json.log (ClientHost, StartUTC, DownstreamStatus). */
    @Test
    void matomoJsonLogs() throws Exception {
        FileOutcome nginx = load("matomo/nginx_json.log", "json", Map.of());
        assertThat(List.of(nginx.rowsRead(), nginx.rowsLoaded())).containsExactly(2L, 2L);
        assertThat(nginx.details()).containsEntry("method_assumed_get", 2L);
        FileOutcome traefik = load("matomo/traefik_json.log", "json", Map.of());
        assertThat(traefik.rowsLoaded()).isEqualTo(1);
        // "date": "2013-10-10T16:52:00+02:00" is 14:52 UTC; StartUTC 2023-08-11T11:39:21.77Z
        assertThat(hits()).containsExactly("1381416720 GET 200 php www.piwik.org", "1381416720 GET 200 php www.piwik.org",
                "1691753961 GET 200 - localhost");
        assertThat(stored().longs("SELECT visitor FROM portal_hit WHERE ts = 1691753961"))
                .containsExactly(PortalFixture.visitorKey("1.2.3.4", "Prometheus/2.40.5"));
    }
}
