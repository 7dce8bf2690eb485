package id.sni37122.connectors;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Collects the rows of one file that could not be read. They are written inside the file's
 * transaction, so they vanish with it on rollback. Counts by reason feed the run summary.
 */
public final class Rejects implements AutoCloseable {

    /** Rejects kept in memory to show the operator where to look; the rest are only in the warehouse. */
    static final int EXAMPLES = 3;

    /** One rejected row, located, for the run summary. */
    public record Example(long line, String column, String reason, String detail) {
    }

    /** Details longer than this are cut: a reject explains, it does not archive the row. */
    static final int MAX_DETAIL = 200;

    /** Rejects gathered before they are appended: a garbage file can have millions. */
    private static final int BATCH = 10_000;

    private final DuckDBConnection connection;
    private final long fileId;
    private final Map<String, Long> byReason = new TreeMap<>();
    private final List<Example> examples = new ArrayList<>();
    private final List<Example> pending = new ArrayList<>();
    private long count;

    public Rejects(Connection connection, long fileId) throws SQLException {
        this.connection = connection.unwrap(DuckDBConnection.class);
        this.fileId = fileId;
    }

    /**
     * Records one rejected row.
     *
     * @param line   1-based line (or row) number in the file
     * @param column the column name, or null for the whole line
     * @param reason a message key, e.g. {@code portal.bad_date}
     * @param detail the offending value (never personal data), or null
     */
    public void reject(long line, String column, String reason, String detail) throws SQLException {
        count++;
        byReason.merge(reason, 1L, Long::sum);
        // The lowest lines, whatever the order rejects come in (duplicates are found after the rows).
        if (examples.size() < EXAMPLES || line < examples.get(examples.size() - 1).line()) {
            if (examples.size() == EXAMPLES) {
                examples.remove(EXAMPLES - 1);
            }
            int at = 0;
            while (at < examples.size() && examples.get(at).line() <= line) {
                at++;
            }
            examples.add(at, new Example(line, column, reason, detail));
        }
        pending.add(new Example(line, column, reason, detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…"));
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /** Records a row a connector turned down. */
    public void reject(long line, id.sni37122.connectors.table.RowRejected why) throws SQLException {
        reject(line, why.column(), why.reason(), why.detail());
    }

    public long count() {
        return count;
    }

    /** The first few rejects, in file order. */
    public List<Example> examples() {
        return examples;
    }

    public Map<String, Long> byReason() {
        return byReason;
    }

    /** Appends what is pending; the appender is closed at once, so other statements can run on the connection. */
    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        try (DuckDBAppender rows = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "rejected_row")) {
            for (Example e : pending) {
                rows.beginRow().append(fileId).append(e.line()).append(e.column()).append(e.reason()).append(e.detail()).endRow();
            }
        }
        pending.clear();
    }

    @Override
    public void close() throws SQLException {
        flush();
    }
}
