package id.sni37122.connectors.portal;

import static id.sni37122.connectors.portal.PortalFixture.CHROME;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent's personal data never reaches user_agent; robots are still told by the whole agent. */
class AgentPrivacyTest {

    @TempDir
    Path dir;

    @Test
    void personalDataIsTakenOutVersionsStay() {
        assertThat(AgentPrivacy.strip(CHROME)).isSameAs(CHROME);
        assertThat(AgentPrivacy.strip("Mozilla/5.0 (Linux; Android 13; SM-A536E Build/TP1A.220624.014; wv) Chrome/116.0.5845.163 1080x2186"))
                .isEqualTo("Mozilla/5.0 (Linux; Android 13; SM-A536E Build/TP1A.220624.014; wv) Chrome/116.0.5845.163 1080x2186");
        assertThat(AgentPrivacy.strip("AplikasiKota/2.1 (budi.santoso@gmail.com; +62 812-3456-7890; NIK 6472011203850004)"))
                .isEqualTo("AplikasiKota/2.1 (<email>; <number>; NIK <number>)");
        assertThat(AgentPrivacy.strip("curl/8.0 via 36.72.1.21 and 2001:db8:0:1::7, call (0541) 741 2345"))
                .isEqualTo("curl/8.0 via <ip> and <ip>, call <number>");
    }

    @Test
    void theStoredAgentAndItsKeyHaveNoPersonalDataButTheRobotIsStillKnown() throws Exception {
        PortalFixture f = new PortalFixture(dir);
        String bot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) owner budi@kotauji.go.id 081234567890";
        String log = "36.72.1.1 - - [01/Mar/2023:10:00:00 +0800] \"GET /a HTTP/1.1\" 200 5 \"-\" \"" + bot + "\"\n";
        f.load("access.log", "combined", Map.of(), log);
        String stored = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) owner <email> <number>";
        assertThat(f.strings("SELECT agent || ' ' || robot FROM user_agent")).containsExactly(stored + " true");
        assertThat(f.longs("SELECT agent_key FROM portal_hit")).containsExactly(PortalFixture.agentKey(stored));
    }
}
