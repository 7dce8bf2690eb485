package id.sni37122.connectors.portal;

import static id.sni37122.connectors.portal.PortalFixture.CHROME;
import static id.sni37122.connectors.portal.PortalFixture.agentKey;
import static id.sni37122.connectors.portal.PortalFixture.visitorKey;
import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.FileOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line rules of issue 14, each hand-checked through the real connector. */
class LineRulesTest {

    @TempDir
    Path dir;

    /** A connection closed before its request ({@code "-" 408}, {@code "" 400}) is a hit that 10.1's method rule filters, not a reject. */
    @Test
    void requestsThatNeverCameAreFilteredNotRejected() throws Exception {
        PortalFixture f = new PortalFixture(dir);
        String log = "36.72.1.1 - - [01/Mar/2023:10:00:00 +0800] \"-\" 408 0 \"-\" \"-\"\n"
                + "36.72.1.1 - - [01/Mar/2023:10:00:01 +0800] \"\" 400 0 \"-\" \"-\"\n"
                + "36.72.1.1 - - [01/Mar/2023:10:00:02 +0800] \"GET /a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\"\n";
        FileOutcome outcome = f.load("access.log", "combined", Map.of(), log);
        assertThat(outcome.rowsLoaded()).isEqualTo(3);
        assertThat(outcome.rowsRejected()).isZero();
        assertThat(f.strings("SELECT m.term || ' ' || status FROM portal_hit h JOIN portal_term m ON m.code = h.method ORDER BY ts"))
                .containsExactly("- 408", "- 400", "GET 200");
    }

    /** AWStats' testglobal.log has "- John Begood [": the user field runs to the time's bracket. */
    @Test
    void userNamesWithSpaces() throws Exception {
        PortalFixture f = new PortalFixture(dir);
        String log = "36.72.1.1 - John Begood [01/Mar/2023:10:00:00 +0800] \"GET /a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\"\n"
                + "36.72.1.1 - - [01/Mar/2023:10:00:01 +0800] \"GET /a HTTP/1.1\" 200 5\n";
        FileOutcome outcome = f.load("access.log", "combined", Map.of(), log);
        assertThat(outcome.rowsLoaded()).isEqualTo(1);
        assertThat(outcome.rejectReasons()).containsOnlyKeys("portal.truncated_line");
        assertThat(f.longs("SELECT ts FROM portal_hit")).containsExactly(1677636000L);
    }

    /** No zone is beyond ±14:00, and no offset has 60 minutes or more: such lines are refused, not moved by days. */
    @Test
    void impossibleOffsetsAreRejected() throws Exception {
        PortalFixture f = new PortalFixture(dir);
        String log = "";
        for (String offset : List.of("+9999", "+2400", "+1401", "+0860", "-1500", "+1400", "-1200", "+0545")) {
            log += "36.72.1.1 - - [01/Mar/2023:10:00:00 " + offset + "] \"GET /a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\"\n";
        }
        FileOutcome outcome = f.load("access.log", "combined", Map.of(), log);
        assertThat(outcome.rejectReasons()).containsOnly(Map.entry("portal.bad_time", 5L));
        // 10:00 at +14:00 is 20:00 UTC the day before; at -12:00, 22:00 UTC; at +05:45 (Nepal), 04:15 UTC.
        assertThat(f.longs("SELECT ts FROM portal_hit ORDER BY ts")).containsExactly(1677614400L, 1677644100L, 1677708000L);
    }

    /**
     * The same line read as {@code combined} and through the equivalent {@code custom} pattern gives
     * the same visitor and agent keys, escaped quotes in the agent included: a city that moves from
     * one to the other keeps its visitors.
     */
    @Test
    void customAndCombinedGiveTheSameKeys() throws Exception {
        String agent = "Bot \"quoted\" 1.0";
        String line = "36.72.1.1 - - [01/Mar/2023:10:00:00 +0800] \"GET /a HTTP/1.1\" 200 5 \"-\" \"Bot \\\"quoted\\\" 1.0\"\n";
        PortalFixture combined = new PortalFixture(dir.resolve("combined"));
        PortalFixture custom = new PortalFixture(dir.resolve("custom"));
        java.nio.file.Files.createDirectories(combined.dir);
        java.nio.file.Files.createDirectories(custom.dir);
        combined.load("access.log", "combined", Map.of(), line);
        custom.load("access.log", "custom", Map.of("pattern", "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\""), line);
        String keys = "SELECT visitor FROM portal_hit UNION ALL SELECT agent_key FROM portal_hit";
        assertThat(custom.longs(keys)).isEqualTo(combined.longs(keys)).containsExactly(visitorKey("36.72.1.1", agent), agentKey(agent));
        assertThat(custom.strings("SELECT agent FROM user_agent")).containsExactly(agent);
    }
}
