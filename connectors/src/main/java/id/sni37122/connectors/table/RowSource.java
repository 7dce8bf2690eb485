package id.sni37122.connectors.table;

import id.sni37122.connectors.SourceException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * A table's raw rows in file order, as they come and never all in memory: one CSV file or one
 * XLSX sheet. Cells are String, Double, Boolean, LocalDateTime (a real Excel date),
 * {@link UncachedFormula}, or null when blank. {@link TableRows} finds the header among them.
 */
interface RowSource {

    /** Receives one row; its cell list is only valid during the call. Returns false to stop reading. */
    @FunctionalInterface
    interface Sink {
        boolean row(long line, List<Object> cells) throws SQLException, SourceException;
    }

    /** Feeds every row to {@code sink}, until the source ends or the sink says stop. */
    void read(Sink sink) throws IOException, SQLException, SourceException;

    /**
     * Whether a cell's place in the row is only its count of delimiters (CSV), so that a stray
     * delimiter shifts every later cell: such a row's width must match the header's. XLSX cells
     * carry their own column.
     */
    boolean shiftable();

    /** A formula cell whose result the file does not hold: the tool that wrote it never computed it. */
    record UncachedFormula(String cell) {
    }
}
