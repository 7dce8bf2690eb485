package id.sni37122.connectors.portal;

/**
 * Tens of thousands of parsed lines handed from the parsing thread to the thread that owns the
 * warehouse connection: the hits to append and the lines to reject, in file order.
 */
final class HitBatch {

    /** Larger batches cost DuckDB less per row: 8 192 took about 2 CPU-s more per 10 million lines. */
    static final int SIZE = 65536;

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

    final long[] rejectLine = new long[SIZE];
    final String[] rejectReason = new String[SIZE];
    final String[] rejectDetail = new String[SIZE];
    int rejects;

    /** Set on the last batch of a file: the totals, or what stopped the parsing. */
    boolean last;
    long read;
    long otherHost;
    long lastLine;
    Exception failure;

    boolean full() {
        return hits == SIZE || rejects == SIZE;
    }

    void reject(long line, String reason, String detail) {
        rejectLine[rejects] = line;
        rejectReason[rejects] = reason;
        rejectDetail[rejects] = detail;
        rejects++;
    }
}
