package id.sni37122.connectors;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DuckDB works on one thread while an ingest runs, and on as many as before once it is done (the
 * indicators' queries scan in parallel). What an ingest asks of DuckDB is one stream of parsed
 * batches to store, which it reads on one thread anyway, and many small statements: a second
 * DuckDB worker only took turns on the two cores with the parsing and inflating threads. Measured
 * through the release's launcher, side by side: the Samarinda sample's first ingest 1.11-1.16 s
 * against 1.16-1.29 s, 2 million lines 2.0 s against 2.1 s, 10 million 12.7-12.9 s against 13.6-13.9 s.
 */
final class OneEngineThread implements AutoCloseable {

    private final Connection connection;
    private final int before;

    OneEngineThread(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT current_setting('threads')")) {
            r.next();
            before = r.getInt(1);
        }
        set(1);
    }

    private void set(int threads) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads = " + threads); // SET takes no parameters; an int read from DuckDB itself
        }
    }

    @Override
    public void close() throws SQLException {
        set(before);
    }
}
