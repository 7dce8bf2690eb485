package id.sni37122.connectors.heartbeat;

import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.Warehouse;
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

    /**
     * @param status   up, down, pending or maintenance
     * @param interval the monitor's configured seconds between checks, or null when the source does not say
     */
    void add(long line, String monitor, Instant time, String status, Integer interval) throws SQLException {
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
        appender.endRow();
        written++;
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
