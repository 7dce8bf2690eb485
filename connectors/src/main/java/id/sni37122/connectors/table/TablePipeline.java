package id.sni37122.connectors.table;

import id.sni37122.connectors.Rejects;
import id.sni37122.connectors.SourceException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A table read on a thread of its own while the caller's thread loads: the file is parsed and
 * each row turned into what the warehouse takes ({@link Convert}, on the reading thread), in
 * batches handed to the thread that owns the warehouse connection ({@link Load}), so that on two
 * cores parsing and DuckDB's appender run side by side, as the portal's log lines do. Rows
 * refused on either side reach {@code rejects} in file order, on the caller's thread.
 */
public final class TablePipeline {

    /** Turns a row into what is loaded; runs on the reading thread, so it touches no connection. */
    @FunctionalInterface
    public interface Convert<T> {
        T row(TableRow row) throws RowRejected;
    }

    /** Loads one converted row; runs on the caller's thread. */
    @FunctionalInterface
    public interface Load<T> {
        void row(T item) throws SQLException;
    }

    /** Rows per hand-over: large enough that the queue costs nothing per row. */
    static final int BATCH = 4096;

    private record Refused(long line, String column, String reason, String detail) {
    }

    /** Converted rows and refusals in file order; the last one carries the outcome. */
    private static final class Batch {
        final Object[] items = new Object[BATCH];
        int size;
        boolean last;
        TableReader.Read read;
        Throwable failure;
    }

    /** Thrown on the reading thread when the loading side has given up. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private TablePipeline() {
    }

    /** Like {@link TableReader#read}, with {@code convert} on a reading thread and {@code load} on this one. */
    public static <T> TableReader.Read read(Path file, TableOptions options, Rejects rejects, Convert<T> convert, Load<T> load)
            throws IOException, SQLException, SourceException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> produce(file, options, convert, queue, stop), "sni37122-table");
        reader.setDaemon(true);
        reader.start();
        boolean done = false;
        try {
            while (true) {
                Batch b = queue.take();
                for (int i = 0; i < b.size; i++) {
                    Object item = b.items[i];
                    if (item instanceof Refused r) {
                        rejects.reject(r.line(), r.column(), r.reason(), r.detail());
                    } else {
                        @SuppressWarnings("unchecked")
                        T row = (T) item;
                        load.row(row);
                    }
                }
                if (b.last) {
                    done = true;
                    return outcome(b);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while loading " + file);
        } finally {
            if (!done) {
                stop.set(true);
            }
            drain(queue, reader);
        }
    }

    private static <T> void produce(Path file, TableOptions options, Convert<T> convert, BlockingQueue<Batch> queue, AtomicBoolean stop) {
        Batch[] current = {new Batch()};
        Batch last;
        try {
            TableReader.RejectSink refused = (line, column, reason, detail) -> add(current, queue, stop,
                    new Refused(line, column, reason, detail));
            TableReader.Read read = TableReader.read(file, options, refused, row -> {
                Object item;
                try {
                    item = convert.row(row);
                } catch (RowRejected e) {
                    item = new Refused(row.line(), e.column(), e.reason(), e.detail());
                }
                add(current, queue, stop, item);
            });
            last = current[0];
            last.read = read;
        } catch (Stopped e) {
            return; // nobody is waiting for the rest
        } catch (Throwable t) {
            last = current[0];
            last.failure = t;
        }
        last.last = true;
        put(queue, last);
    }

    private static void add(Batch[] current, BlockingQueue<Batch> queue, AtomicBoolean stop, Object item) {
        if (stop.get()) {
            throw new Stopped();
        }
        Batch b = current[0];
        b.items[b.size++] = item;
        if (b.size == BATCH) {
            put(queue, b);
            current[0] = new Batch();
        }
    }

    private static void put(BlockingQueue<Batch> queue, Batch b) {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /** Lets a reading thread blocked on a full queue see the stop, and waits for it to end (its file closed). */
    private static void drain(BlockingQueue<Batch> queue, Thread reader) {
        boolean interrupted = false;
        while (reader.isAlive()) {
            queue.clear();
            try {
                reader.join(100);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static TableReader.Read outcome(Batch last) throws IOException, SQLException, SourceException {
        Throwable t = last.failure;
        if (t == null) {
            return last.read;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof SQLException e) {
            throw e;
        }
        if (t instanceof SourceException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
