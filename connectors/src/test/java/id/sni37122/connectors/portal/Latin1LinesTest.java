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
