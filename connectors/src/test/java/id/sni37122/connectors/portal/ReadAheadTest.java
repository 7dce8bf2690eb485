package id.sni37122.connectors.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Random;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(37122).nextBytes(bytes);
        return bytes;
    }

    /** Several chunks and a part of one arrive whole and in order, read in odd-sized pieces. */
    @Test
    void givesEveryByteInOrder() throws IOException {
        byte[] data = randomBytes(3 * (1 << 20) + 12_345);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new ReadAhead(new ByteArrayInputStream(data))) {
            byte[] piece = new byte[7_919];
            for (int n; (n = in.read(piece, 0, piece.length)) > 0; ) {
                out.write(piece, 0, n);
            }
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(out.toByteArray()).isEqualTo(data);
    }

    /** A stream that breaks (a cut .gz) gives every byte before the break, then the failure, again on each read. */
    @Test
    void aFailureComesAfterTheBytesBeforeIt() throws IOException {
        byte[] data = randomBytes((1 << 20) + 100);
        InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(data), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new ZipException("invalid stored block lengths");
            }
        });
        try (InputStream in = new ReadAhead(breaking)) {
            assertThat(in.readNBytes(data.length)).isEqualTo(data);
            assertThatThrownBy(in::read).isInstanceOf(ZipException.class);
            assertThatThrownBy(in::read).isInstanceOf(ZipException.class);
        }
    }

    /** Closed after a few bytes of a long stream: the reading thread stops and the stream is closed. */
    @Test
    void closingEarlyStopsTheReadingThread() throws Exception {
        boolean[] closed = {false};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        InputStream in = new ReadAhead(endless);
        assertThat(in.read()).isEqualTo('x');
        in.close();
        assertThat(closed[0]).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("sni37122-inflate") && t.isAlive());
    }
}
