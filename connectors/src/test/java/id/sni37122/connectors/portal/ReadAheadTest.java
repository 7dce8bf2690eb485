package id.sni37122.connectors.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
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

    /**
     * The reader gets the first 64 KiB while the stream has given no more than that (a month's rotated
     * log of a small city is under a megabyte: waiting for a whole chunk meant inflating it all before
     * a line was parsed). The source here holds back the rest until the reader has its first bytes.
     */
    @Test
    void theFirstBytesArriveBeforeAMegabyteIsRead() throws Exception {
        byte[] data = randomBytes(3 * (1 << 20));
        CountDownLatch firstRead = new CountDownLatch(1);
        InputStream held = new SequenceInputStream(new ByteArrayInputStream(data, 0, 1 << 16), new InputStream() {
            private final InputStream rest = new ByteArrayInputStream(data, 1 << 16, data.length - (1 << 16));

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    firstRead.await();
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
                return rest.read(b, off, len);
            }
        });
        try (InputStream in = new ReadAhead(held)) {
            byte[] first = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> in.readNBytes(1 << 16));
            assertThat(first).isEqualTo(Arrays.copyOf(data, 1 << 16));
            firstRead.countDown();
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 1 << 16, data.length));
        }
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
