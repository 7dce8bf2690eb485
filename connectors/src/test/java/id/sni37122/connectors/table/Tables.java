package id.sni37122.connectors.table;

import id.sni37122.connectors.Rejects;
import id.sni37122.connectors.Warehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a table as a connector would, into a list, with its rejects kept in a scratch warehouse. */
final class Tables implements AutoCloseable {

    private final Warehouse warehouse;
    final Rejects rejects;
    final List<TableRow> rows = new ArrayList<>();
    TableReader.Read read;

    Tables(Path dir) throws Exception {
        warehouse = Warehouse.open(dir.resolve("scratch.duckdb"));
        rejects = new Rejects(warehouse.connection(), 1);
    }

    List<TableRow> read(Path file, TableOptions options) throws Exception {
        rows.clear();
        read = TableReader.read(file, options, rejects, rows::add);
        return rows;
    }

    /** The rejects so far, as "line column reason detail". */
    List<String> rejected() {
        return rejects.examples().stream().map(e -> e.line() + " " + e.column() + " " + e.reason() + " " + e.detail()).toList();
    }

    @Override
    public void close() throws Exception {
        rejects.close();
        warehouse.close();
    }
}
