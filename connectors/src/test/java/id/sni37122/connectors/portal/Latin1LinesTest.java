package id.sni37122.connectors.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Latin1LinesTest {

    private static List<String> lines(byte[] bytes) throws IOException {
        Latin1Lines reader = new Latin1Lines(new ByteArrayInputStream(bytes));
        List<String> out = new ArrayList<>();
        for (String line; (line = reader.next()) != null; ) {
            out.add(line);
        }
        return out;
    }

    @Test
    void crlfBlankLinesALastLineWithoutNewlineAndBytesAbove127() throws IOException {
        byte[] bytes = "satu\r\n\ndua \u00e9\nakhir".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(lines(bytes)).containsExactly("satu", "", "dua \u00e9", "akhir");
    }

    @Test
    void aLineLongerThanTheBufferAndLinesAcrossBufferBoundaries() throws IOException {
        String longLine = "x".repeat(200_000);
        StringBuilder sb = new StringBuilder(longLine).append('\n');
        for (int i = 0; i < 10_000; i++) {
            sb.append("baris ").append(i).append('\n');
        }
        List<String> got = lines(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertThat(got).hasSize(10_001);
        assertThat(got.get(0)).isEqualTo(longLine);
        assertThat(got.get(10_000)).isEqualTo("baris 9999");
    }

    /** Control bytes are noted wherever they fall in the eight-byte words; tab, a CR before LF and bytes above 127 are not control. */
    @Test
    void controlCharactersAreNotedLineByLine() throws IOException {
        String text = "GET /a\tb HTTP/1.1 \u00e9\u00ff\r\n"          // tab, Latin-1 letters, CRLF: clean
                + "\u0016\u0003\u0001\u0000\u00a5\n"                    // a TLS handshake
                + "0123456789abcdef0123456\u007f\n"                       // DEL in the third word
                + "0123456\r89abcdef\n"                                   // a CR inside the line
                + "0123456789abcdef0123456789abcdef\n"                     // clean, several whole words
                + "akhir\u0001";                                          // last line, no LF
        Latin1Lines reader = new Latin1Lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
        List<Boolean> control = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String line; (line = reader.next()) != null; ) {
            lines.add(line);
            control.add(reader.hadControl());
        }
        assertThat(control).containsExactly(false, true, true, true, false, true);
        assertThat(lines.get(0)).isEqualTo("GET /a\tb HTTP/1.1 \u00e9\u00ff");
        assertThat(lines.get(4)).isEqualTo("0123456789abcdef0123456789abcdef");
    }

    /** A quote preceded by an odd number of backslashes is inside the field; by an even number, it closes it. */
    @Test
    void escapedQuotesInTheUserAgent() throws Exception {
        byte[] line = "36.72.1.1 - - [01/Mar/2023:10:00:00 +0800] \"GET /a HTTP/1.1\" 200 5 \"-\" \"Bot \\\"x\\\" y\\\\\""
                .getBytes(StandardCharsets.ISO_8859_1);
        Hit hit = new Hit();
        new CombinedParser("combined").parse(line, 0, line.length, hit);
        assertThat(new String(hit.agentBytes, hit.agentFrom, hit.agentTo - hit.agentFrom, StandardCharsets.ISO_8859_1)).isEqualTo("Bot \"x\" y\\\\");
        assertThat(hit.status).isEqualTo(200);
    }

    @Test
    void longLongMapGrowsAndClears() {
        LongLongMap map = new LongLongMap(4);
        for (long k = -50_000; k < 50_000; k++) {
            map.put(k * 7919, k);
        }
        assertThat(map.size()).isEqualTo(100_000);
        assertThat(map.get(-50_000L * 7919, 1)).isEqualTo(-50_000L);
        assertThat(map.get(12_345L * 7919, 1)).isEqualTo(12_345L);
        assertThat(map.get(3, -1)).isEqualTo(-1);
        map.clear();
        assertThat(map.get(12_345L * 7919, -1)).isEqualTo(-1);
    }
}
