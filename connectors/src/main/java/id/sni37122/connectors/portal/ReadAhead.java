package id.sni37122.connectors.portal;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream on a thread of its own, a megabyte ahead of its reader. Used for gzipped logs:
 * inflating costs about as much CPU as parsing, and on two cores the two then run side by side
 * instead of one after the other on the parsing thread. A failure of the stream reaches the
 * reader after every byte read before it, as it would reading the stream directly.
 * <p>
 * The first chunks are small and each is twice the last, up to {@link #CHUNK}: the reader starts
 * on the first 64 KiB instead of waiting for a whole megabyte, which is all of a month's rotated
 * log on a small city's portal (inflated before a line was parsed, the two halves did not overlap).
 */
final class ReadAhead extends InputStream {

    private static final int CHUNK = 1 << 20;
    private static final int FIRST_CHUNK = 1 << 16;
    private static final int CHUNKS = 4;

    /** Bytes read, or the end (no data, no failure), or what stopped the reading. */
    private record Chunk(byte[] data, int length, IOException failure) {
    }

    private static final Chunk END = new Chunk(null, 0, null);

    private final InputStream in;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS);
    /** Buffers handed back by the reader, for the reading thread to fill again. */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread reading;
    /** Buffers made so far (by the reading thread): no more than {@code CHUNKS + 1} are ever in use. */
    private int made;
    private Chunk current;
    private int pos;

    ReadAhead(InputStream in) {
        this.in = in;
        reading = new Thread(this::fill, "sni37122-inflate");
        reading.setDaemon(true);
        reading.start();
    }

    private void fill() {
        try {
            int size = FIRST_CHUNK;
            while (true) {
                byte[] buffer = buffer(size);
                int want = size;
                size = Math.min(size * 2, CHUNK);
                int filled = 0;
                try {
                    for (int n; filled < want && (n = in.read(buffer, filled, want - filled)) > 0; ) {
                        filled += n;
                    }
                } catch (IOException | RuntimeException e) {
                    if (filled > 0) {
                        full.put(new Chunk(buffer, filled, null));
                    }
                    full.put(new Chunk(null, 0, e instanceof IOException io ? io : new IOException(e)));
                    return;
                }
                if (filled > 0) {
                    full.put(new Chunk(buffer, filled, null));
                }
                if (filled < want) {
                    full.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            // the reader closed the stream
        }
    }

    /**
     * A buffer of at least {@code size} bytes: a new one while fewer than CHUNKS + 1 exist, else one the
     * reader handed back (waiting for it), replaced when it is one of the first, smaller ones.
     */
    private byte[] buffer(int size) throws InterruptedException {
        byte[] back = made > CHUNKS ? free.take() : free.poll();
        if (back != null && back.length >= size) {
            return back;
        }
        if (back == null) {
            made++;
        }
        return new byte[size];
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (current == null || current.data != null && pos == current.length) {
            if (current != null) {
                free.add(current.data);
            }
            try {
                current = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
            pos = 0;
        }
        if (current.failure != null) {
            throw current.failure;
        }
        if (current.data == null) {
            return -1;
        }
        int n = Math.min(length, current.length - pos);
        System.arraycopy(current.data, pos, target, offset, n);
        pos += n;
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void close() throws IOException {
        reading.interrupt();
        try {
            reading.join(10_000); // it stops at its next chunk; the stream is not closed under it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        full.clear();
        full.offer(END); // a reader still waiting sees the end
        in.close();
    }
}
