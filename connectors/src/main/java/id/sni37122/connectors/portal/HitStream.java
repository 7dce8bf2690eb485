package id.sni37122.connectors.portal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
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

    private void fill(HitBatch b) throws IOException {
        VectorSchemaRoot root = getVectorSchemaRoot();
        for (FieldVector v : root.getFieldVectors()) {
            v.setInitialCapacity(Math.max(b.hits, 1));
            v.allocateNew();
        }
        BigIntVector ts = (BigIntVector) root.getVector(0);
        BigIntVector visitor = (BigIntVector) root.getVector(1);
        BigIntVector agent = (BigIntVector) root.getVector(2);
        IntVector method = (IntVector) root.getVector(3);
        SmallIntVector status = (SmallIntVector) root.getVector(4);
        IntVector ext = (IntVector) root.getVector(5);
        IntVector host = (IntVector) root.getVector(6);
        for (int i = 0; i < b.hits; i++) {
            ts.set(i, b.ts[i]);
            visitor.set(i, b.visitor[i]);
            if (b.hasAgent[i]) {
                agent.set(i, b.agent[i]);
            } else {
                agent.setNull(i);
            }
            method.set(i, b.method[i]);
            status.set(i, b.status[i]);
            setCode(ext, i, b.extension[i]);
            setCode(host, i, b.host[i]);
        }
        root.setRowCount(b.hits);
        hits += b.hits;
    }

    private static void setCode(IntVector v, int i, int code) {
        if (code == 0) {
            v.setNull(i);
        } else {
            v.set(i, code);
        }
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
