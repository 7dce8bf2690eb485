package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.Messages;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The progress line fits any width exactly: never wraps, and overwrites a longer line before it. */
class ProgressLineTest {

    private final ProgressLine line = new ProgressLine("Memuat", 0.37, 37L << 20, 100L << 20, Duration.ofSeconds(10), 4, 30, 123_456,
            "access-2022-04.log.gz");

    @BeforeEach
    void indonesian() {
        Messages.setLanguage("id");
    }

    @Test
    void wideTerminalsShowEverything() {
        String s = line.render(200);
        assertThat(s).hasSize(200).startsWith("Memuat  37% [")
                .contains(" | berkas 4/30 | 37,0/100,0 MB | 3,7 MB/s | 123.456 baris/detik | sisa 0:17 | access-2022-04.log.gz");
    }

    @Test
    void narrowTerminalsDropTheLeastNeededFirst() {
        String s = line.render(80);
        assertThat(s).hasSize(80).startsWith("Memuat  37%").contains("berkas 4/30", "37,0/100,0 MB", "3,7 MB/s");
        String tiny = line.render(24);
        assertThat(tiny).hasSize(24).startsWith("Memuat  37% | ").doesNotContain("berkas");
        assertThat(ProgressLine.shortened("access-2022-04.log.gz", 11)).isEqualTo("acces~og.gz");
    }
}
