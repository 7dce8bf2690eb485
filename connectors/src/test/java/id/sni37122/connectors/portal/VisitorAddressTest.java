package id.sni37122.connectors.portal;

import static id.sni37122.connectors.portal.PortalFixture.CHROME;
import static id.sni37122.connectors.portal.PortalFixture.line;
import static id.sni37122.connectors.portal.PortalFixture.visitorKey;
import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.FileOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every client address is a visitor (INDICATORS.md), through the real connector: each line's
 * stored key is checked against its formula, so the text each address form is keyed by is pinned.
 */
class VisitorAddressTest {

    @TempDir
    Path dir;

    @Test
    void everyAddressFormIsAVisitor() throws Exception {
        PortalFixture f = new PortalFixture(dir);
        String log = line("36.72.1.2", 0)
                + line("::ffff:36.72.1.2", 1) // IPv4-mapped: the same visitor as the line above
                + line("::FFFF:2448:102", 2) // the same, written in hex
                + line("2001:db8::1", 3)
                + line("2001:DB8:0:0:0:0:0:1", 4) // the same address, uncompressed and upper-case
                + line("fe80::1%eth0", 5) // a zone id names the server's interface: dropped
                + line("2001:db8:0:0:1:0:0:1", 6) // RFC 5952: the first longest zero run is "::"
                + line("klien.Example.ID", 7) // HostnameLookups On
                + line("klien.example.id.", 8)
                + line("-", 9); // no address at all
        FileOutcome outcome = f.load("access.log", "combined", Map.of(), log);
        assertThat(outcome.rowsLoaded()).isEqualTo(9);
        assertThat(outcome.rejectReasons()).containsOnly(Map.entry("portal.bad_address", 1L));
        long ipv4 = visitorKey("36.72.1.2", CHROME);
        long ipv6 = visitorKey("2001:db8::1", CHROME);
        long host = visitorKey("klien.example.id", CHROME);
        assertThat(f.longs("SELECT visitor FROM portal_hit ORDER BY ts")).containsExactly(ipv4, ipv4, ipv4, ipv6, ipv6,
                visitorKey("fe80::1", CHROME), visitorKey("2001:db8::1:0:0:1", CHROME), host, host);
    }

    @Test
    void behindProxiesTheVisitorIsTheFirstPublicAddress() throws Exception {
        PortalFixture f = new PortalFixture(dir);
        String log = ""
                // the address field as a list a proxy wrote: the private proxy first
                + "10.0.0.2, 85.181.35.98 - - [01/Mar/2023:10:00:00 +0800] \"GET /a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\"\n"
                // X-Forwarded-For with a port
                + "10.0.0.2 - - [01/Mar/2023:10:00:01 +0800] \"GET /a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\" \"36.72.1.21:51234\"\n"
                // an unknown entry is skipped, a private one too
                + "10.0.0.2 - - [01/Mar/2023:10:00:02 +0800] \"GET /a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\" \"unknown, 192.168.1.5, 36.72.9.9\"\n"
                // an IPv6 entry in brackets with a port
                + "10.0.0.2 - - [01/Mar/2023:10:00:03 +0800] \"GET /a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\" \"[2001:db8::7]:443\"\n"
                // no public entry: the client address
                + "10.0.0.2 - - [01/Mar/2023:10:00:04 +0800] \"GET /a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\" \"unknown, 10.1.1.1\"\n"
                + "10.0.0.2 - - [01/Mar/2023:10:00:05 +0800] \"GET /a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\" \"-\"\n";
        FileOutcome outcome = f.load("access.log", "combined", Map.of(), log);
        assertThat(outcome.rowsLoaded()).isEqualTo(6);
        assertThat(f.longs("SELECT visitor FROM portal_hit ORDER BY ts")).containsExactly(visitorKey("85.181.35.98", CHROME),
                visitorKey("36.72.1.21", CHROME), visitorKey("36.72.9.9", CHROME), visitorKey("2001:db8::7", CHROME),
                visitorKey("10.0.0.2", CHROME), visitorKey("10.0.0.2", CHROME));
    }

    @Test
    void aCustomPatternReadsAddressListsAndUserNamesWithSpaces() throws Exception {
        PortalFixture f = new PortalFixture(dir);
        String pattern = "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-agent}i\"";
        String log = "10.0.0.2, 85.181.35.98 - John Begood [01/Mar/2023:10:00:00 +0800] \"GET /a HTTP/1.1\" 200 5 \"-\" \"" + CHROME + "\"\n";
        assertThat(f.load("access.log", "custom", Map.of("pattern", pattern), log).rowsLoaded()).isEqualTo(1);
        assertThat(f.visitors()).containsExactly(visitorKey("85.181.35.98", CHROME));
    }

    @Test
    void ipv6TextIsCanonical() {
        assertThat(VisitorAddress.AddressForms.ipv6("2001:0DB8:0000:0000:0000:ff00:0042:8329")).isEqualTo("2001:db8::ff00:42:8329");
        assertThat(VisitorAddress.AddressForms.ipv6("::1")).isEqualTo("::1");
        assertThat(VisitorAddress.AddressForms.ipv6("2001:db8::1:2:3:4:5")).isEqualTo("2001:db8:0:1:2:3:4:5"); // one zero group stays
        assertThat(VisitorAddress.AddressForms.ipv6("1:2")).isNull();
        assertThat(VisitorAddress.AddressForms.hostName("unknown")).isNull();
        assertThat(List.of(VisitorAddress.AddressForms.isPublic(0x0A000001), VisitorAddress.AddressForms.isPublic(0x24480102)))
                .containsExactly(false, true);
    }
}
