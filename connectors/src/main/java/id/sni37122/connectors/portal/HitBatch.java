package id.sni37122.connectors.portal;

import java.util.ArrayList;
import java.util.List;

/**
 * Tens of thousands of parsed lines handed from the parsing thread to the thread that owns the
 * warehouse connection: the hits to append and the lines to reject, in file order. Once its hits
 * are in Arrow's buffers a batch goes back to the parsing thread to be filled again: a batch is
 * 2,5 MB of arrays, which the serial collector would otherwise move into the old generation and
 * collect there, a full collection every few batches.
 */
final class HitBatch {

    /** Larger batches cost DuckDB less per row: 8 192 took about 2 CPU-s more per 10 million lines. */
    static final int SIZE = 65536;

    /** A line that could not be stored, and why. */
    record Reject(long line, String reason, String detail) {
    }

    final long[] ts = new long[SIZE];
    final long[] visitor = new long[SIZE];
    final long[] agent = new long[SIZE];
    final boolean[] hasAgent = new boolean[SIZE];
    /** portal_term codes; 0 for an extension or host that is absent. */
    final int[] method = new int[SIZE];
    final short[] status = new short[SIZE];
    final int[] extension = new int[SIZE];
    final int[] host = new int[SIZE];
    int hits;

    /** The rejected lines, in file order: few, so a list made for the first of them. */
    List<Reject> rejected = List.of();

    /** Set on the last batch of a file: the totals, or what stopped the parsing. */
    boolean last;
    long read;
    long otherHost;
    long lastLine;
    Exception failure;

    boolean full() {
        return hits == SIZE || rejected.size() == SIZE;
    }

    void reject(long line, String reason, String detail) {
        if (rejected.isEmpty()) {
            rejected = new ArrayList<>();
        }
        rejected.add(new Reject(line, reason, detail));
    }

    /** Empties a batch whose hits and rejects (and totals, for a last one) have been taken, to be filled again. */
    HitBatch reset() {
        hits = 0;
        rejected = List.of();
        last = false;
        read = 0;
        otherHost = 0;
        lastLine = 0;
        failure = null;
        return this;
    }
}
