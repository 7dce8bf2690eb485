package id.sni37122.connectors.portal;

import static id.sni37122.connectors.portal.PortalFixture.CHROME;
import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.FileOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * format: custom with what Apache's mod_log_config and Nginx's log_format documentation allow
 * beyond the plain fields. Each line is 01 March 2023, 10:00:00 WITA (epoch 1677636000), a GET
 * with status 200, so every pattern must give the same stored hit.
 */
class PatternParserTest {

    @TempDir
    Path dir;

    private String hit(String pattern, String line) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("p" + Math.abs(pattern.hashCode())));
        PortalFixture f = new PortalFixture(sub);
        FileOutcome outcome = f.load("access.log", "custom", Map.of("pattern", pattern), line + "\n");
        assertThat(outcome.error()).as(pattern).isNull();
        assertThat(outcome.rejectReasons()).as(pattern).isEmpty();
        return f.strings("SELECT ts || ' ' || m.term || ' ' || status || ' ' || coalesce(e.term, '-') || ' ' || (agent_key IS NOT NULL) "
                + "FROM portal_hit h JOIN portal_term m ON m.code = h.method LEFT JOIN portal_term e ON e.code = h.ext").get(0);
    }

    @Test
    void apachePercentAndModifiers() throws Exception {
        assertThat(hit("%h %l %u %t \"%r\" %>s %b 100%% \"%!200,304{Referer}i\" \"%200{User-agent}i\"",
                "36.72.1.1 - - [01/Mar/2023:10:00:00 +0800] \"GET /a.csv HTTP/1.1\" 200 5 100% \"-\" \"" + CHROME + "\""))
                .isEqualTo("1677636000 GET 200 csv true");
    }

    @Test
    void apacheTimeFormats() throws Exception {
        assertThat(hit("%h %l %u [%{%d/%b/%Y:%H:%M:%S}t.%{usec_frac}t %{%z}t] \"%r\" %>s %b",
                "36.72.1.1 - - [01/Mar/2023:10:00:00.123456 +0800] \"GET /a.csv HTTP/1.1\" 200 5")).isEqualTo("1677636000 GET 200 csv false");
        assertThat(hit("%h %{sec}t \"%r\" %>s", "36.72.1.1 1677636000 \"GET /a.csv HTTP/1.1\" 200")).isEqualTo("1677636000 GET 200 csv false");
        assertThat(hit("%h %{msec}t \"%r\" %>s", "36.72.1.1 1677636000123 \"GET /a.csv HTTP/1.1\" 200")).isEqualTo("1677636000 GET 200 csv false");
        assertThat(hit("%h [%{%FT%T}t] \"%r\" %>s", "36.72.1.1 [2023-03-01T10:00:00] \"GET /a.csv HTTP/1.1\" 200")) // no offset: the city's zone
                .isEqualTo("1677636000 GET 200 csv false");
    }

    @Test
    void nginxTimesAndRequestParts() throws Exception {
        assertThat(hit("$remote_addr [$time_iso8601] \"$request\" $status", "36.72.1.1 [2023-03-01T10:00:00+08:00] \"GET /a.csv HTTP/1.1\" 200"))
                .isEqualTo("1677636000 GET 200 csv false");
        assertThat(hit("$remote_addr $msec \"$request\" $status", "36.72.1.1 1677636000.512 \"GET /a.csv HTTP/1.1\" 200"))
                .isEqualTo("1677636000 GET 200 csv false");
        assertThat(hit("$remote_addr $time_local \"$request\" $status", "36.72.1.1 01/Mar/2023:10:00:00 +0800 \"GET /a.csv HTTP/1.1\" 200"))
                .isEqualTo("1677636000 GET 200 csv false");
        assertThat(hit("$remote_addr - [$time_local] \"$request_method $request_uri $server_protocol\" $status \"$http_user_agent\"",
                "36.72.1.1 - [01/Mar/2023:10:00:00 +0800] \"GET /a.csv?x=1 HTTP/1.1\" 200 \"" + CHROME + "\"")).isEqualTo("1677636000 GET 200 csv true");
    }

    @Test
    void aPatternWithoutTheFieldsNeededIsRefused() throws Exception {
        FileOutcome outcome = new PortalFixture(dir).load("access.log", "custom", Map.of("pattern", "%h %{%H:%M}t \"%r\" %>s"), "x\n");
        assertThat(outcome.status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(List.of(outcome.error())).allMatch(e -> e.contains("%h %{%H:%M}t"));
    }
}
