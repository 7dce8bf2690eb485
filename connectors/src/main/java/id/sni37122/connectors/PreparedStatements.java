package id.sni37122.connectors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The statements an ingest runs for every file, each prepared once per run: DuckDB parses, binds
 * and plans a statement every time it is prepared, a millisecond or two that a city with a file a
 * day paid some ten times per file. Closed with the run; used after that, they are prepared again.
 */
final class PreparedStatements implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> bySql = new HashMap<>();

    PreparedStatements(Connection connection) {
        this.connection = connection;
    }

    /** The statement for {@code sql}, its parameters to be set again by the caller; not to be closed by it. */
    PreparedStatement of(String sql) throws SQLException {
        PreparedStatement p = bySql.get(sql);
        if (p == null || p.isClosed()) {
            p = connection.prepareStatement(sql);
            bySql.put(sql, p);
        }
        return p;
    }

    @Override
    public void close() throws SQLException {
        SQLException failed = null;
        for (PreparedStatement p : bySql.values()) {
            try {
                p.close();
            } catch (SQLException e) {
                failed = failed == null ? e : failed;
            }
        }
        bySql.clear();
        if (failed != null) {
            throw failed;
        }
    }
}
