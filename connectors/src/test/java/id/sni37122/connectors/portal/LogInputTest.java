package id.sni37122.connectors.portal;

import static id.sni37122.connectors.portal.PortalFixture.CHROME;
import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.FileOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log however it was stored: compressed by any of logrotate's usual tools, in UTF-16, with a BOM or CR line ends. */
class LogInputTest {

    @TempDir
    Path dir;

    private static final String LOG = PortalFixture.line("36.72.1.1", 0) + PortalFixture.line("36.72.1.2", 1)
            + PortalFixture.line("36.72.1.3", 2);

    private interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(byte[] data, Compressor c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = c.wrap(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private FileOutcome load(String name, byte[] content) throws Exception {
        Files.write(dir.resolve(name), content);
        return new PortalFixture(dir).load(name, "combined", Map.of());
    }

    @Test
    void compressedByContentWhateverTheName() throws Exception {
        byte[] log = LOG.getBytes(StandardCharsets.ISO_8859_1);
        Map<String, byte[]> files = Map.of(
                "a.log.1", compress(log, BZip2CompressorOutputStream::new),
                "b.log.2", compress(log, XZCompressorOutputStream::new),
                "d.log.4", compress(compress(log, GZIPOutputStream::new), GZIPOutputStream::new)); // a gzip inside a gzip
        for (var e : files.entrySet()) {
            Path sub = Files.createDirectories(dir.resolve(e.getKey() + ".d"));
            Files.write(sub.resolve(e.getKey()), e.getValue());
            FileOutcome outcome = new PortalFixture(sub).load(e.getKey(), "combined", Map.of());
            assertThat(outcome.error()).as(e.getKey()).isNull();
            assertThat(outcome.rowsLoaded()).as(e.getKey()).isEqualTo(3);
        }
        // In one warehouse the four are one content: the first loads, the others are known by it.
        for (var e : files.entrySet()) {
            load(e.getKey(), e.getValue());
        }
        assertThat(new PortalFixture(dir).longs("SELECT count(*) FROM portal_hit")).containsExactly(3L);
    }

    /** zstd's magic number (RFC 8878): found and refused by name, as the release ships no zstd library. */
    @Test
    void zstdIsRefusedByName() throws Exception {
        FileOutcome outcome = load("access.log.3", new byte[] {(byte) 0x28, (byte) 0xb5, (byte) 0x2f, (byte) 0xfd, 0, 0, 0, 0});
        assertThat(outcome.status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(outcome.error()).contains("zstd");
    }

    @Test
    void aCutBzip2SaysWhatItIs() throws Exception {
        byte[] bz2 = compress(LOG.repeat(50).getBytes(StandardCharsets.ISO_8859_1), BZip2CompressorOutputStream::new);
        FileOutcome outcome = load("access.log.2", java.util.Arrays.copyOf(bz2, bz2.length / 2));
        assertThat(outcome.status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(outcome.error()).contains("bzip2");
    }

    @Test
    void textEncodingsAndLineEnds() throws Exception {
        byte[] utf8 = LOG.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xef;
        bom[1] = (byte) 0xbb;
        bom[2] = (byte) 0xbf;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        Map<String, byte[]> files = Map.of(
                "bom.log", bom,
                "utf16.log", LOG.getBytes(StandardCharsets.UTF_16), // big-endian with its mark, as Java writes it
                "utf16le.log", LOG.getBytes(StandardCharsets.UTF_16LE), // no mark
                "cr.log", LOG.replace('\n', '\r').getBytes(StandardCharsets.ISO_8859_1));
        for (var e : files.entrySet()) {
            Path sub = Files.createDirectories(dir.resolve(e.getKey() + ".d"));
            Files.write(sub.resolve(e.getKey()), e.getValue());
            FileOutcome outcome = new PortalFixture(sub).load(e.getKey(), "combined", Map.of());
            assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded())).as(e.getKey()).containsExactly(3L, 3L);
            assertThat(new PortalFixture(sub).longs("SELECT visitor FROM portal_hit ORDER BY ts LIMIT 1"))
                    .containsExactly(PortalFixture.visitorKey("36.72.1.1", CHROME));
        }
    }
}
