package id.sni37122.connectors.heartbeat;

import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.Warehouse;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Appends checks to the {@code heartbeat} table. An appender, because an Uptime Kuma database
 * checking every minute holds millions of heartbeats. It joins the load's transaction because
 * the ingestor has already run a statement in it.
 */
final class HeartbeatWriter implements AutoCloseable {

    private final LoadContext ctx;
    private final DuckDBAppender appender;
    private long written;

    HeartbeatWriter(LoadContext ctx) throws SQLException {
        this.ctx = ctx;
        this.appender = ctx.connection().unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "heartbeat");
    }

    /** A check of a monitor known only by its name (the native table), so its name is its key. */
    void add(long line, String monitor, Instant time, String status) throws SQLException {
        add(line, monitor, monitor, time, status, null, null);
    }

    /**
     * @param key       the monitor's identity in its source (Kuma's id, a series' labels); the name is only shown
     * @param status    up, down, pending or maintenance
     * @param interval  the monitor's configured seconds between checks today, or null (kept for the record only)
     * @param important Uptime Kuma's flag for a status change, or null when the source has none
     */
    void add(long line, String key, String monitor, Instant time, String status, Integer interval, Boolean important)
            throws SQLException {
        appender.beginRow()
                .append(ctx.city().code())
                .append(ctx.fileId())
                .append(line)
                .append(monitor)
                .append(Warehouse.utc(time))
                .append(status);
        if (interval == null) {
            appender.appendNull();
        } else {
            appender.append(interval.intValue());
        }
        appender.append(key);
        if (important == null) {
            appender.appendNull();
        } else {
            appender.append(important.booleanValue());
        }
        appender.endRow();
        written++;
    }

    /**
     * What the source says about itself, for the report (retention, resolution).
     *
     * @param asOf the moment the source's content stands for: its latest record
     */
    void source(String system, Integer keepDays, Integer rawHours, Integer stepSeconds, Instant asOf) throws SQLException {
        try (PreparedStatement p = ctx.connection().prepareStatement(
                "INSERT INTO heartbeat_source VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, ctx.city().code());
            p.setLong(2, ctx.fileId());
            p.setString(3, system);
            p.setObject(4, keepDays);
            p.setObject(5, rawHours);
            p.setObject(6, stepSeconds);
            p.setObject(7, Warehouse.utc(asOf));
            p.executeUpdate();
        }
    }

    /** Rows written into the table by other means (a staged insert). */
    void added(long rows) {
        written += rows;
    }

    long written() {
        return written;
    }

    @Override
    public void close() throws SQLException {
        appender.flush();
        appender.close();
    }
}
