package id.sni37122.connectors.portal;

import id.sni37122.connectors.LoadContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Methods, extensions and hosts as portal_term codes: the few distinct ones of a log repeat on
 * every line, and DuckDB stores integers far more cheaply than strings. Used by the parsing
 * thread; new terms are recorded after it has finished, in the file's transaction.
 */
final class Terms {
    private final Map<String, Integer> codes = new HashMap<>();
    private final Map<String, Integer> added = new LinkedHashMap<>();
    private final DuckDBConnection connection;
    private int last;

    Terms(LoadContext ctx) throws SQLException {
        try (Statement s = ctx.connection().createStatement(); ResultSet r = s.executeQuery("SELECT code, term FROM portal_term")) {
            while (r.next()) {
                codes.put(r.getString(2), r.getInt(1));
                last = Math.max(last, r.getInt(1));
            }
        }
        connection = ctx.connection().unwrap(DuckDBConnection.class);
    }

    /** The term's code; 0 for none (no extension, no host). */
    int code(String term) {
        if (term == null) {
            return 0;
        }
        Integer code = codes.get(term);
        if (code == null) {
            code = ++last;
            codes.put(term, code);
            added.put(term, code);
        }
        return code;
    }

    void record() throws SQLException {
        try (DuckDBAppender rows = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "portal_term")) {
            for (var e : added.entrySet()) {
                rows.beginRow().append(e.getValue()).append(e.getKey()).endRow();
            }
        }
        added.clear();
    }
}
