package id.sni37122.connectors.portal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The parsed hits of a log as Arrow batches for DuckDB to scan ({@code INSERT … SELECT … FROM}
 * the registered stream). DuckDB pulls the batches on its own threads while the parsing thread
 * fills the queue, so no row goes through the JDBC appender one value at a time.
 * <p>
 * The warehouse connection is busy while DuckDB scans, so rejected lines cannot be written
 * meanwhile: they are kept here, and the stream ends early once {@link #MAX_PENDING_REJECTS} have
 * gathered; the caller writes them and opens the next stream on the same queue.
 */
final class HitStream extends ArrowReader {

    static final int MAX_PENDING_REJECTS = 10_000;

    private static final ArrowType INT64 = new ArrowType.Int(64, true);
    private static final ArrowType INT32 = new ArrowType.Int(32, true);

    private final BlockingQueue<HitBatch> queue;
    /** Batches whose hits are in Arrow's buffers, for the parsing thread to fill again. */
    private final BlockingQueue<HitBatch> free;
    /** Rejected lines of the batches handed over, in file order, for the caller to record. */
    final List<HitBatch.Reject> rejected = new ArrayList<>();
    private int pendingRejects;
    /** The file's last batch (totals or failure) once it has been read, else null. */
    HitBatch end;
    /** Rows handed to DuckDB. */
    long hits;
    HitStream(BufferAllocator allocator, BlockingQueue<HitBatch> queue, BlockingQueue<HitBatch> free) {
        super(allocator);
        this.queue = queue;
        this.free = free;
    }

    /** The columns of {@code portal_hit} after {@code file_id}, in order. */
    @Override
    protected Schema readSchema() {
        return new Schema(List.of(
                Field.notNullable("ts", INT64),
                Field.notNullable("visitor", INT64),
                Field.nullable("agent_key", INT64),
                Field.notNullable("method", INT32),
                Field.notNullable("status", new ArrowType.Int(16, true)),
                Field.nullable("ext", INT32),
                Field.nullable("host", INT32)));
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        if (end != null || pendingRejects >= MAX_PENDING_REJECTS) {
            return false;
        }
        HitBatch b;
        try {
            b = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while loading");
        }
        rejected.addAll(b.rejected);
        pendingRejects += b.rejected.size();
        fill(b);
        if (b.last) {
            end = b; // kept: it holds the totals
        } else {
            free.offer(b.reset());
        }
        return true;
    }

    /**
     * Copies a batch into the vectors a column at a time (a bulk copy into Arrow's memory, and the
     * validity bits a byte at a time), not a value at a time through each vector's checked setter.
     */
    private void fill(HitBatch b) throws IOException {
        VectorSchemaRoot root = getVectorSchemaRoot();
        int n = b.hits;
        for (FieldVector v : root.getFieldVectors()) {
            v.setInitialCapacity(Math.max(n, 1));
            v.allocateNew(); // validity all zero: every value null until set
        }
        longs(root.getVector(0), b.ts, n);
        allValid(root.getVector(0), n);
        longs(root.getVector(1), b.visitor, n);
        allValid(root.getVector(1), n);
        longs(root.getVector(2), b.agent, n);
        byte[] bits = new byte[(n + 7) / 8];
        for (int i = 0; i < n; i++) {
            if (b.hasAgent[i]) {
                bits[i >> 3] |= (byte) (1 << (i & 7));
            }
        }
        root.getVector(2).getValidityBuffer().setBytes(0, bits, 0, bits.length);
        ints(root.getVector(3), b.method, n);
        allValid(root.getVector(3), n);
        root.getVector(4).getDataBuffer().nioBuffer(0, n * 2).order(ByteOrder.nativeOrder()).asShortBuffer().put(b.status, 0, n);
        allValid(root.getVector(4), n);
        codes(root.getVector(5), b.extension, n, bits);
        codes(root.getVector(6), b.host, n, bits);
        root.setRowCount(n);
        hits += n;
    }

    private static void longs(FieldVector v, long[] values, int n) {
        v.getDataBuffer().nioBuffer(0, n * 8).order(ByteOrder.nativeOrder()).asLongBuffer().put(values, 0, n);
    }

    private static void ints(FieldVector v, int[] values, int n) {
        v.getDataBuffer().nioBuffer(0, n * 4).order(ByteOrder.nativeOrder()).asIntBuffer().put(values, 0, n);
    }

    private static void allValid(FieldVector v, int n) {
        v.getValidityBuffer().setOne(0L, (n + 7) / 8); // bits past n are never read
    }

    /** A portal_term code column: 0 (no extension, no host) is null. */
    private static void codes(FieldVector v, int[] values, int n, byte[] bits) {
        ints(v, values, n);
        Arrays.fill(bits, (byte) 0);
        for (int i = 0; i < n; i++) {
            if (values[i] != 0) {
                bits[i >> 3] |= (byte) (1 << (i & 7));
            }
        }
        v.getValidityBuffer().setBytes(0, bits, 0, bits.length);
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
        // the queue belongs to the caller
    }
}
